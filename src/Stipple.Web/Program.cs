using Stipple.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddStipple();

var app = builder.Build();
await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping);
app.UseStipple();
app.MapStipple();
await app.RunAsync();

/// <summary>The web host's entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program
{
    protected Program()
    {
    }
}

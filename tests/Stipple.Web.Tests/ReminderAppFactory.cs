using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stipple.Web.Infrastructure.Email;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>
/// The app for the reminder tests, with its own dispatcher loop off so every pass is the test's own. More app instances
/// on the same database (and data directory, so the same mailbox) come from <see cref="StartInstance"/>.
/// </summary>
public sealed class ReminderAppFactory : StippleAppFactory
{
    public string DataDirectory => Path.GetDirectoryName(MailboxFolder)!;

    /// <summary>
    /// Another app instance on the same database, with <paramref name="sender"/> as its mail sender and its dispatcher
    /// loop on (polling every <paramref name="pollMilliseconds"/>) or off. Started before it is returned.
    /// </summary>
    public WebApplicationFactory<Program> StartInstance(IEmailSender sender, bool loop, int pollMilliseconds = 20)
    {
        var instance = WithWebHostBuilder(b =>
        {
            b.UseSetting("STIPPLE_OUTBOX_ENABLED", loop ? "1" : "0");
            b.UseSetting("STIPPLE_OUTBOX_POLL_MS", pollMilliseconds.ToString(CultureInfo.InvariantCulture));
            b.ConfigureTestServices(s => s.AddSingleton(sender));
        });
        _ = instance.Services;
        return instance;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("STIPPLE_OUTBOX_ENABLED", "0");
    }
}

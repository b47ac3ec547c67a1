using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (a browser cannot talk to TestServer), on a fresh migrated database with the demo
/// studio seeded. UseKestrel must run before the host starts, which the base class does in InitializeAsync.
/// </summary>
public sealed class KestrelAppFactory : StippleAppFactory
{
    public KestrelAppFactory()
    {
        UseKestrel(0); // port 0: Kestrel picks a free port, read back from the server's addresses
    }

    protected override bool SeedDemo => true;

    /// <summary>The address Kestrel is listening on, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("The server has no IServerAddressesFeature; is it Kestrel?");
            var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Kestrel is not listening on any http:// address: {string.Join(", ", addresses)}");
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
    }
}

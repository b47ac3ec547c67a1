using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Documents;

namespace Stipple.Web.Features.Consents;

/// <summary>
/// The PDF of a signed consent: the exact text signed (the template version the consent names, never the current
/// one), the client, and the signature block, with times in the studio's zone and language.
/// </summary>
public sealed class ConsentPdfService(StippleDbContext db)
{
    /// <summary>The PDF, or null when this studio has no such consent (row-level security hides other studios').</summary>
    public async Task<ConsentFile?> PdfAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await (from c in db.Consents.AsNoTracking()
                         where c.Id == id
                         join t in db.ConsentTemplates.AsNoTracking() on c.TemplateId equals t.Id
                         join client in db.Clients.AsNoTracking() on c.ClientId equals client.Id
                         select new { Consent = c, t.Title, t.Body, client.GivenName, client.FamilyName, client.DateOfBirth })
            .SingleOrDefaultAsync(cancellationToken);
        var studio = await db.Studios.AsNoTracking().Select(s => new { s.Name, s.TimeZone, s.Locale }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || studio is null)
        {
            return null;
        }

        var consent = row.Consent;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(studio.TimeZone) ?? DateTimeZone.Utc;
        var culture = CultureInfo.GetCultureInfo(studio.Locale);
        var local = consent.SignedAt.InZone(zone);
        var clientName = $"{row.GivenName} {row.FamilyName}";
        var model = new ConsentPdfModel(
            StudioName: studio.Name,
            Title: row.Title,
            Kind: ConsentKinds.Label(consent.Kind),
            TemplateVersion: consent.TemplateVersion,
            ContentHash: consent.ContentHash,
            Body: row.Body,
            ClientName: clientName,
            ClientDateOfBirth: row.DateOfBirth is { } born ? LocalDatePattern.Create("d MMMM yyyy", culture).Format(born) : "not recorded",
            TypedName: consent.TypedName,
            SignaturePng: consent.SignaturePng,
            SignedAt: consent.SignedAt,
            SignedAtLocal: $"{local.ToString("d MMMM yyyy, HH:mm", culture)} ({zone.Id})",
            IpAddress: consent.IpAddress,
            UserAgent: consent.UserAgent,
            ConsentId: consent.Id);
        var fileName = string.Create(
            CultureInfo.InvariantCulture,
            $"consent-{ConsentKinds.Code(consent.Kind)}-v{consent.TemplateVersion}-{Slug(clientName)}-{local.Date:yyyy'-'MM'-'dd}.pdf");
        return new ConsentFile(ConsentPdf.Render(model), fileName);
    }

    /// <summary>"Zoë Ó Briain" as "zoe-o-briain": ASCII letters and digits, so every browser keeps the file name.</summary>
    internal static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "client" : slug[..Math.Min(slug.Length, 60)].Trim('-');
    }
}

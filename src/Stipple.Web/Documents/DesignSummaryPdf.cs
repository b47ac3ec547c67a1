using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Stipple.Core.Design;

namespace Stipple.Web.Documents;

/// <summary>
/// The design summary a client takes home and the practitioner keeps: who and when, the version and its approval,
/// each aligned photo with the healed design laid over it, the design on the scalp map, the hairline's height, the
/// zones (area, density, dots), the sessions (impressions and estimated needling time) and the pigment chosen. A4,
/// DejaVu fonts embedded, all text real text.
/// </summary>
public static class DesignSummaryPdf
{
    private static readonly double Margin = XUnit.FromMillimeter(18).Point;
    private static readonly double LabelWidth = XUnit.FromMillimeter(45).Point;
    private static readonly double PhotoMaxHeight = XUnit.FromMillimeter(120).Point;
    private static readonly double MapMaxHeight = XUnit.FromMillimeter(95).Point;
    private static readonly CultureInfo Numbers = CultureInfo.GetCultureInfo("en-GB");

    public static byte[] Render(DesignSummaryModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        PdfSetup.EnsureInitialised();
        var fonts = DocumentFonts.Create();
        using var document = new PdfDocument();
        document.Info.Title = $"Hairline and density design, version {model.Version}";
        document.Info.Author = model.StudioName;
        document.Info.Subject = $"Design for {model.ClientName}";
        document.Info.Creator = "Stipple";
        document.Info.CreationDate = model.CreatedAt.ToDateTimeUtc();

        using (var flow = new PdfFlow(document, Margin))
        {
            Header(flow, fonts, model);
            Photos(flow, fonts, model);
            Map(flow, fonts, model);
            Hairline(flow, fonts, model);
            Zones(flow, fonts, model.Report);
            Sessions(flow, fonts, model.Report);
            Heading(flow, fonts, "Pigment");
            flow.Text(model.Pigment, fonts.Body);
            if (model.Report.Warnings.Count > 0)
            {
                Heading(flow, fonts, "Points to discuss");
                foreach (var warning in model.Report.Warnings)
                {
                    flow.Text($"• {warning.Message}", fonts.Body);
                }
            }

            flow.Finish(
                (page, pages) => string.Create(CultureInfo.InvariantCulture, $"Design version {model.Version} · consultation {model.ConsultationId:D} · page {page} of {pages}"),
                fonts.Small);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Header(PdfFlow flow, DocumentFonts fonts, DesignSummaryModel model)
    {
        flow.Text(model.StudioName, fonts.Studio, XBrushes.DimGray);
        flow.Space(2);
        flow.Text("Hairline and density design", fonts.Title);
        flow.Text($"Version {model.Version} · saved {model.Saved}", fonts.Label, XBrushes.DimGray);
        flow.Space(8);
        Row(flow, fonts, "Client", model.ClientName, fonts.BodyBold);
        Row(flow, fonts, "Date of birth", model.ClientDateOfBirth, fonts.Body);
        Row(flow, fonts, "Consultation", model.Practitioner is null ? model.ConsultationDate : $"{model.ConsultationDate}, with {model.Practitioner}", fonts.Body);
        Row(flow, fonts, "Client approval", model.Approval, fonts.BodyBold);
        if (!string.IsNullOrWhiteSpace(model.Note))
        {
            Row(flow, fonts, "Note", model.Note, fonts.Body);
        }

        flow.Space(4);
        flow.Rule();
    }

    private static void Photos(PdfFlow flow, DocumentFonts fonts, DesignSummaryModel model)
    {
        Heading(flow, fonts, "On the client");
        if (model.Photos.Count == 0)
        {
            flow.Text("No aligned photo yet: the design is shown on the scalp map below.", fonts.Body, XBrushes.DimGray);
            return;
        }

        foreach (var photo in model.Photos)
        {
            if (photo.Problem is not null || photo.OverlayPng is null)
            {
                flow.Text($"{photo.Caption}: {photo.Problem}", fonts.Body, XBrushes.DimGray);
                continue;
            }

            var scale = Math.Min(flow.Width / photo.DisplayWidth, PhotoMaxHeight / photo.DisplayHeight);
            var width = photo.DisplayWidth * scale;
            var height = photo.DisplayHeight * scale;
            flow.KeepTogether(height + fonts.Label.GetHeight() + 4);
            var graphics = flow.Graphics;
            using (var file = new MemoryStream(photo.File, writable: false))
            using (var image = XImage.FromStream(file))
            {
                var state = graphics.Save();
                graphics.MultiplyTransform(Orient(photo.Orientation, image.PixelWidth, image.PixelHeight, scale * photo.DisplayWidth / DisplayWidth(photo.Orientation, image.PixelWidth, image.PixelHeight), flow.Left, flow.Y));
                graphics.DrawImage(image, 0, 0, image.PixelWidth, image.PixelHeight);
                graphics.Restore(state);
            }

            using (var overlay = new MemoryStream(photo.OverlayPng, writable: false))
            using (var dots = XImage.FromStream(overlay))
            {
                graphics.DrawImage(dots, flow.Left, flow.Y, width, height);
            }

            flow.Space(height + 2);
            flow.Text(photo.Caption, fonts.Label, XBrushes.DimGray);
            flow.Space(6);
        }
    }

    private static void Map(PdfFlow flow, DocumentFonts fonts, DesignSummaryModel model)
    {
        Heading(flow, fonts, "On the scalp map");
        using var file = new MemoryStream(model.MapPreviewPng, writable: false);
        using var image = XImage.FromStream(file);
        var scale = Math.Min(flow.Width / image.PixelWidth, MapMaxHeight / image.PixelHeight);
        flow.KeepTogether((image.PixelHeight * scale) + fonts.Label.GetHeight() + 4);
        flow.Graphics.DrawImage(image, flow.Left, flow.Y, image.PixelWidth * scale, image.PixelHeight * scale);
        flow.Space((image.PixelHeight * scale) + 2);
        flow.Text("Seen from above, face at the top, healed after every session; grid every 2 cm.", fonts.Label, XBrushes.DimGray);
    }

    private static void Hairline(PdfFlow flow, DocumentFonts fonts, DesignSummaryModel model)
    {
        var design = model.Design;
        Heading(flow, fonts, "Hairline");
        Row(flow, fonts, "Hairline height", string.Create(Numbers, $"{model.HairlineHeightMm / 10:0.0} cm above the glabella (mid-frontal point)"), fonts.BodyBold);
        Row(flow, fonts, "Shape", design.Hairline.Style == HairlineStyle.Female ? "Female hairline rules" : "Male hairline rules", fonts.Body);
        Row(flow, fonts, "Soft transition", string.Create(Numbers, $"{design.Transition.DepthMm:0.#} mm deep, starting at {design.Transition.StartFraction * 100:0} % of the density at the line"), fonts.Body);
        Row(flow, fonts, "Dots in all", model.Report.TotalDots.ToString("N0", Numbers), fonts.Body);
    }

    private static void Zones(PdfFlow flow, DocumentFonts fonts, DesignReport report)
    {
        Heading(flow, fonts, "Zones");
        var table = new Table(flow, fonts, [("Zone", 0.34, false), ("Area", 0.16, true), ("Density", 0.2, true), ("Dots", 0.15, true), ("Kind", 0.15, false)]);
        foreach (var zone in report.Zones)
        {
            var exclusion = zone.Kind == ZoneKind.Exclusion;
            table.Row(
                zone.Name,
                string.Create(Numbers, $"{zone.AreaCm2:0.0} cm²"),
                exclusion ? "no dots" : string.Create(Numbers, $"{zone.TargetDensityPerCm2:0} per cm²"),
                zone.Dots.ToString("N0", Numbers),
                KindLabel(zone.Kind));
        }
    }

    private static string KindLabel(ZoneKind kind) => kind switch
    {
        ZoneKind.Frontal => "frontal",
        ZoneKind.MidScalp => "mid-scalp",
        ZoneKind.Crown => "crown",
        ZoneKind.Temples => "temples",
        ZoneKind.Scar => "scar",
        _ => "exclusion",
    };

    private static void Sessions(PdfFlow flow, DocumentFonts fonts, DesignReport report)
    {
        Heading(flow, fonts, "Sessions");
        flow.Text(string.Create(Numbers, $"Needling time at {report.ImpressionsPerMinute:0} impressions a minute, without breaks; each session takes longer in the chair."), fonts.Label, XBrushes.DimGray);
        flow.Space(4);
        var table = new Table(flow, fonts, [("Session", 0.16, false), ("Impressions", 0.22, true), ("Density reached", 0.24, true), ("Estimated time", 0.22, true)]);
        foreach (var session in report.Sessions)
        {
            var minutes = (int)Math.Round(session.EstimatedMinutes);
            table.Row(
                session.Session.ToString(CultureInfo.InvariantCulture),
                session.Dots.ToString("N0", Numbers),
                string.Create(Numbers, $"{session.CumulativeShare * 100:0} %"),
                minutes >= 60 ? string.Create(Numbers, $"{minutes / 60} h {minutes % 60} min") : string.Create(Numbers, $"{minutes} min"));
        }
    }

    private static void Heading(PdfFlow flow, DocumentFonts fonts, string text)
    {
        flow.Space(12);
        flow.KeepTogether(fonts.Heading.GetHeight() + (3 * fonts.Body.GetHeight()));
        flow.Text(text, fonts.Heading);
        flow.Space(4);
    }

    private static void Row(PdfFlow flow, DocumentFonts fonts, string label, string value, XFont font)
    {
        flow.Field(label, value, fonts.Label, font, LabelWidth);
        flow.Space(2);
    }

    private static int DisplayWidth(int orientation, int width, int height) => orientation >= 5 ? height : width;

    /// <summary>
    /// The matrix drawing a stored image (pixels u, v) the way its EXIF orientation says it is seen, scaled by
    /// <paramref name="scale"/> and placed at (x, y): e.g. orientation 6 turns it a quarter clockwise.
    /// </summary>
    internal static XMatrix Orient(int orientation, int width, int height, double scale, double x, double y)
    {
        // Display X and Y for a stored pixel (u, v): X = a·u + c·v + e, Y = b·u + d·v + f.
        var (a, b, c, d, e, f) = orientation switch
        {
            2 => (-1.0, 0.0, 0.0, 1.0, (double)width, 0.0),
            3 => (-1.0, 0.0, 0.0, -1.0, (double)width, (double)height),
            4 => (1.0, 0.0, 0.0, -1.0, 0.0, (double)height),
            5 => (0.0, 1.0, 1.0, 0.0, 0.0, 0.0),
            6 => (0.0, 1.0, -1.0, 0.0, (double)height, 0.0),
            7 => (0.0, -1.0, -1.0, 0.0, (double)height, (double)width),
            8 => (0.0, -1.0, 1.0, 0.0, 0.0, (double)width),
            _ => (1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
        };
        return new XMatrix(a * scale, b * scale, c * scale, d * scale, (e * scale) + x, (f * scale) + y);
    }

    /// <summary>A simple ruled table set row by row in the flow; numeric columns right-aligned.</summary>
    private sealed class Table
    {
        private readonly PdfFlow flow;
        private readonly DocumentFonts fonts;
        private readonly (string Title, double Share, bool Right)[] columns;

        public Table(PdfFlow flow, DocumentFonts fonts, (string Title, double Share, bool Right)[] columns)
        {
            this.flow = flow;
            this.fonts = fonts;
            this.columns = columns;
            Set(fonts.Label, XBrushes.DimGray, [.. columns.Select(c => c.Title)]);
            flow.Rule(thickness: 0.4);
            flow.Space(2);
        }

        public void Row(params string[] cells) => Set(fonts.Body, XBrushes.Black, cells);

        private void Set(XFont font, XBrush brush, string[] cells)
        {
            var height = font.GetHeight() + 3;
            flow.KeepTogether(height);
            var x = flow.Left;
            for (var i = 0; i < columns.Length; i++)
            {
                var width = columns[i].Share * flow.Width;
                var rect = new XRect(x, flow.Y, width - 6, height);
                flow.Graphics.DrawString(cells[i], font, brush, rect, columns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += width;
            }

            flow.Space(height);
        }
    }
}

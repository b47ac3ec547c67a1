using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Features.Accounts;
using Stipple.Web.Features.ApiKeys;
using Stipple.Web.Features.Clients;
using Stipple.Web.Features.Colour;
using Stipple.Web.Features.Consents;
using Stipple.Web.Features.Dashboard;
using Stipple.Web.Features.Consultations;
using Stipple.Web.Features.Photos;
using Stipple.Web.Features.Pigments;
using Stipple.Web.Features.Design;
using Stipple.Web.Features.DesignStudio;
using Stipple.Web.Features.Settings;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Screening;
using Stipple.Web.Features.Staff;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;
using Stipple.Web.Infrastructure.Email;
using Stipple.Web.Infrastructure.Files;

namespace Stipple.Web.Hosting;

public static class StippleServices
{
    /// <summary>Everything the app registers, explicitly (no assembly scanning).</summary>
    public static WebApplicationBuilder AddStipple(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = StippleSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<IClock>(SystemClock.Instance);

        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = settings.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            // Kestrel's body limit guards every request; upload endpoints raise it for themselves (PhotoEndpoints).
            o.MultipartBodyLengthLimit = Math.Max(settings.MaxRequestBytes, PhotoEndpoints.UploadRequestLimit);
            o.ValueCountLimit = 512;
        });

        services.AddDataProtection()
            .SetApplicationName("stipple")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDirectory, "keys")));

        services.AddStippleData(settings.Database);
        services.AddStippleAuthentication();
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "stipple.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddProblemDetails();
        // Unreadable API bodies throw (in every environment, not only Development) so ApiErrors can answer with a
        // problem naming the field; otherwise minimal APIs answer a bare 400 without saying what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new InstantJsonConverter());
            o.SerializerOptions.Converters.Add(new Stipple.Core.Care.LocalDateJsonConverter());
            o.SerializerOptions.Converters.Add(new LocalTimeJsonConverter());
            o.SerializerOptions.Converters.Add(new LocalDateTimeJsonConverter());
            // Enums travel by name (e.g. "DeferUntil", "IIIVertex"), as the screening contract documents.
            o.SerializerOptions.Converters.Add(new Stipple.Core.Care.EnumNameJsonConverter());
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Stipple API";
            document.Info.Description = "Per-studio API. Authenticate with 'Authorization: Bearer stp_…' (an API key an owner creates under Settings → API keys). Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, context, _) =>
        {
            // Instants are ISO 8601 strings on the wire (InstantJsonConverter).
            if (context.JsonTypeInfo.Type == typeof(Instant) || context.JsonTypeInfo.Type == typeof(Instant?))
            {
                schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
                schema.Format = "date-time";
                schema.Properties?.Clear();
            }

            // Dates are ISO 8601 calendar dates on the wire (LocalDateJsonConverter).
            if (context.JsonTypeInfo.Type == typeof(LocalDate) || context.JsonTypeInfo.Type == typeof(LocalDate?))
            {
                schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
                schema.Format = "date";
                schema.Properties?.Clear();
            }

            // Local times ("10:00") and local date-times ("2026-03-31T10:00:00", no offset: the studio's wall clock).
            if (context.JsonTypeInfo.Type == typeof(LocalTime) || context.JsonTypeInfo.Type == typeof(LocalTime?)
                || context.JsonTypeInfo.Type == typeof(LocalDateTime) || context.JsonTypeInfo.Type == typeof(LocalDateTime?))
            {
                schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
                schema.Format = context.JsonTypeInfo.Type == typeof(LocalTime) || context.JsonTypeInfo.Type == typeof(LocalTime?) ? "time" : "local-date-time";
                schema.Properties?.Clear();
            }

            return Task.CompletedTask;
        }).AddSchemaTransformer(DesignSchemas.TransformAsync));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        if (settings.Smtp is { } smtp)
        {
            services.AddSingleton(smtp);
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, FileMailbox>();
        }

        services.AddSingleton<IFileStore>(new DiskFileStore(settings.FilesDirectory));
        services.AddScoped<ShellInfo>();
        services.AddScoped<StudioClock>();
        services.AddScoped<TotpSecrets>();
        services.AddScoped<AccountService>();
        services.AddScoped<SecurityService>();
        services.AddScoped<StaffService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<StudioSettingsService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ClientService>();
        services.AddScoped<PigmentService>();
        services.AddScoped<ColourService>();
        services.AddScoped<ColourModelFitter>();
        services.AddScoped<DesignService>();
        services.AddScoped<ScreeningService>();
        services.AddScoped<ConsultationService>();
        services.AddScoped<IntakeService>();
        services.AddScoped<PhotoService>();
        services.AddScoped<ConsentService>();
        services.AddScoped<ConsentPdfService>();
        services.AddScoped<DesignVersionService>();
        services.AddScoped<DesignSummaryService>();
        services.AddScoped<Features.Scheduling.SchedulingSettingsService>();
        services.AddScoped<Features.Scheduling.CalendarLoader>();
        services.AddScoped<Features.Scheduling.PlanBasisService>();
        services.AddScoped<Features.Scheduling.BookingService>();
        services.AddScoped<Features.Scheduling.AppointmentService>();
        services.AddScoped<Features.StudioCalendar.WeeklyHoursService>();
        services.AddScoped<Features.StudioCalendar.ClosureService>();
        services.AddScoped<Features.StudioCalendar.RoomService>();
        services.AddScoped<Features.StudioCalendar.PractitionerHoursService>();
        services.AddScoped<Features.Calendar.CalendarService>();
        services.AddSingleton<Features.Reminders.OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Reminders.OutboxDispatcher>());
        services.AddScoped<Features.CalendarFeeds.CalendarFeedService>();
        return builder;
    }
}

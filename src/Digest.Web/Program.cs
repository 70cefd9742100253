using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Digest.Core.Import;
using Digest.Core.Storage;
using Digest.Web;
using Digest.Web.Api;
using Digest.Web.Bookmarks;
using Digest.Web.Caching;
using Digest.Web.Importing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services));

builder.Services.Configure<DigestOptions>(builder.Configuration.GetSection(DigestOptions.Section));
builder.Services.AddSingleton(services =>
{
    var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
    return new Database(options.ResolveDatabasePath(builder.Environment.ContentRootPath));
});
builder.Services.AddSingleton<PaperStore>();
builder.Services.AddSingleton<Importer>();
builder.Services.AddSingleton<ImportStatus>();
builder.Services.AddSingleton<DataVersionMonitor>();
builder.Services.AddHostedService(services => services.GetRequiredService<DataVersionMonitor>());
builder.Services.AddHostedService<DigestFolderWatcher>();

builder.Services.AddDigestSearch();
builder.Services.AddDigestBookmarks();
builder.Services.AddDigestExports();
builder.Services.AddOpenApi();

builder.Services.AddRazorPages();
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails();
builder.Services.AddOutputCache(options =>
{
    options.SizeLimit = 128 * 1024 * 1024;
    options.MaximumBodySize = 16 * 1024 * 1024;
    options.AddPolicy(DigestCachePolicy.Name, new DigestCachePolicy());
});
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
});

var app = builder.Build();

// Create or migrate the database before the first request; on an existing file this is one PRAGMA.
app.Services.GetRequiredService<Database>().Open().Dispose();

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages =>
{
    pages.UseExceptionHandler("/errors/500");
    pages.UseStatusCodePagesWithReExecute("/errors/{0}");
});
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = file =>
    {
        if (file.Context.Request.Query.ContainsKey("v"))
        {
            file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        }
    },
});
app.UseRouting();
app.UseOutputCache();
app.UseMiddleware<DataVersionETagMiddleware>();

app.MapRazorPages();
app.MapDigestApi();
app.MapSearchEndpoints();
app.MapDigestFeeds();
app.MapDigestExports();
app.MapDigestDiscovery();
app.MapDigestStats();
app.MapOpenApi().CacheOutput(DigestCachePolicy.Name);
app.MapHealth();
app.MapDigestBookmarks();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    var database = app.Services.GetRequiredService<Database>();
    foreach (var address in addresses)
    {
        app.Logger.LogInformation("Digest is serving {Address} (database {Database})", address, database.Path);
    }
});

app.Run();

/// <summary>The entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;

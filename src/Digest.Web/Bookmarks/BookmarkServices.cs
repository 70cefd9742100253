using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Web.Bookmarks;

/// <summary>Wires issue #5 into the app: <c>AddDigestBookmarks()</c> and <c>MapDigestBookmarks()</c> in Program.cs.</summary>
public static class BookmarkServices
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddDigestBookmarks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(s => new BookmarkStore(s.GetRequiredService<Database>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => new TransferRateLimits(s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TransferCodes>();
        services.AddSingleton<BookmarkWriteGate>();
        services.AddHttpContextAccessor();
        services.AddScoped<StarState>();
        services.Configure<MvcOptions>(options => options.Filters.Add<StarPrefetchFilter>());
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = ReaderCookie.AntiforgeryCookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDigestBookmarks(this IEndpointRouteBuilder app)
    {
        BookmarkEndpoints.Map(app);
        return app;
    }
}

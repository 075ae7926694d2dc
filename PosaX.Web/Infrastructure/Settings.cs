namespace PosaX.Web.Infrastructure;

// Options bound from configuration (appsettings.json, then environment variables such as
// Site__BaseUrl). Every setting is described in the README.

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Absolute links in mails and pages are built from this, never from the Host header.</summary>
    /// <remarks>Unset in Development: the address the site listens on (<see cref="Web.StartUp"/>).</remarks>
    public string BaseUrl { get; set; } = Web.StartUp.DefaultUrl;

    /// <summary>Where the /contact page's messages are mailed.</summary>
    public string ContactEmail { get; set; } = "contact@posax.cm";

    public Uri Absolute(string pathAndQuery) => new(new Uri(BaseUrl.TrimEnd('/') + "/"), pathAndQuery.TrimStart('/'));

    /// <summary>The page in <paramref name="language"/> ("/oeuvres/12/x" → ".../en/artworks/12/x"): links in a mail go to the reader's language.</summary>
    public Uri Absolute(string pathAndQuery, string language) => Absolute(Web.LocalizedPaths.For(pathAndQuery, language));
}

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Operators who migrate separately set this to false.</summary>
    public bool MigrateAtStartup { get; set; } = true;
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Uploaded media, outside wwwroot (relative paths are resolved against the content root). With
    /// the S3 provider, only each process's working folder (uploads being encoded) lives here.
    /// </summary>
    public string Root { get; set; } = "App_Data/media";

    /// <summary>Where pictures are kept: <see cref="StorageProvider.FileSystem"/> (default) or S3-compatible object storage.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    public S3StorageOptions S3 { get; set; } = new();
}

public enum StorageProvider { FileSystem, S3 }

/// <summary>An S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO…), path-style addressing.</summary>
public sealed class S3StorageOptions
{
    /// <summary>The endpoint, e.g. <c>https://s3.eu-west-3.amazonaws.com</c> or a MinIO URL.</summary>
    public string? ServiceUrl { get; set; }
    public string? Bucket { get; set; }
    public string Region { get; set; } = "us-east-1";
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    /// <summary>A CDN in front of the bucket; empty: the app serves /media/… from the bucket.</summary>
    public string? PublicBaseUrl { get; set; }
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Where mails are written as files when no SendGrid key is configured.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>How often the outbox is polled when nothing wakes the sender up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a sender keeps the mails it claimed before another may take them: longer than a send
    /// can last (SendGrid's client gives up after 100 s), so only a sender that died leaves them.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class SendGridOptions
{
    public const string Section = "SendGrid";
    public string? ApiKey { get; set; }
    public string From { get; set; } = "PosaX <no-reply@posax.cm>";

    /// <summary>Only for fault tests: a loopback stub instead of the real API.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>
/// Cameroonian carriers put many people behind one IP address, so per-IP limits are generous and
/// the per-account ones (keyed by the email typed, whether it exists or not) are strict.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    public int AuthPerIpPerMinute { get; set; } = 60;
    public int LoginPerAccount { get; set; } = 10;
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>The longest wait growing login delays reach for one address (see AccountThrottle).</summary>
    public TimeSpan LoginDelayCap { get; set; } = TimeSpan.FromMinutes(5);
    public int MailPerAccount { get; set; } = 3;
    public TimeSpan MailWindow { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Order posts per client IP per hour (generous, for shared carrier IPs).</summary>
    public int OrdersPerIpPerHour { get; set; } = 20;
    /// <summary>Orders per buyer phone (normalised) per <see cref="OrdersPerPhoneWindow"/>.</summary>
    public int OrdersPerPhone { get; set; } = 5;
    public TimeSpan OrdersPerPhoneWindow { get; set; } = TimeSpan.FromHours(1);
    /// <summary>
    /// Reports of works per client IP per hour (an IPv6 /64, one subscriber's network, counts as
    /// one IP). Reports are rare: ten an hour leaves room for a few people behind one carrier IP.
    /// </summary>
    public int ReportsPerIpPerHour { get; set; } = 10;
    /// <summary>Messages from /contact per client IP per hour.</summary>
    public int ContactPerIpPerHour { get; set; } = 10;
    /// <summary>Hearts (favourite on/off) per client IP per hour: a visitor browsing a lot stays far below.</summary>
    public int FavouritesPerIpPerHour { get; set; } = 300;
    /// <summary>
    /// How many public pages an instance renders at once; the others wait their turn, oldest first
    /// (PageRenderQueue). 0: no limit. Twice the cores leaves a render's database round trips no idle core.
    /// </summary>
    public int ConcurrentPageRenders { get; set; } = 2 * Environment.ProcessorCount;
    /// <summary>How many renders may wait; one more is refused with a 503 and Retry-After.</summary>
    public int PageRenderQueue { get; set; } = 500;
}

using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace PosaX.Web.Infrastructure.Images;

/// <summary>
/// The pictures in an S3-compatible bucket (<c>Storage__Provider=S3</c>), so every instance serves
/// every upload. Objects are named <c>{key}/{file}</c> exactly as the folders of the file-system store;
/// the encoding and the crash markers stay in the process's local working folder (<see cref="ImagePipeline"/>).
/// </summary>
public sealed partial class S3MediaStore : IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;

    public S3MediaStore(IOptions<StorageOptions> storage)
    {
        var s3 = storage.Value.S3;
        if (string.IsNullOrWhiteSpace(s3.ServiceUrl) || string.IsNullOrWhiteSpace(s3.Bucket))
            throw new InvalidOperationException("Storage__S3__ServiceUrl and Storage__S3__Bucket are required when Storage__Provider is S3.");
        _bucket = s3.Bucket;
        var config = new AmazonS3Config
        {
            ServiceURL = s3.ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = s3.Region,
            // Only what the call needs: S3-compatible stores do not all know the newer checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 2,
        };
        _client = new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey ?? "", s3.SecretKey ?? ""), config);
    }

    public static string ContentType(string fileName) =>
        fileName.EndsWith(".webp", StringComparison.OrdinalIgnoreCase) ? "image/webp" : "image/jpeg";

    /// <summary>Uploads every file of <paramref name="folder"/> under <paramref name="key"/>.</summary>
    public async Task PutFolderAsync(string key, string folder, CancellationToken ct)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket, Key = $"{key}/{name}", FilePath = file, ContentType = ContentType(name),
                UseChunkEncoding = false,
            }, ct);
        }
    }

    /// <summary>Deletes every object of a key (unknown keys are nothing to do).</summary>
    public async Task DeleteKeyAsync(string key, CancellationToken ct = default)
    {
        foreach (var objectKey in await ListAsync(key + "/", ct))
            await _client.DeleteObjectAsync(_bucket, objectKey, ct);
    }

    /// <summary>Object names under a prefix ("" for the whole bucket).</summary>
    public async Task<List<string>> ListAsync(string prefix, CancellationToken ct = default)
    {
        var names = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, ct);
            names.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        } while (response.IsTruncated == true);
        return names;
    }

    /// <summary>
    /// Answers a GET/HEAD of <c>/media/{objectKey}</c> from the bucket with the file store's headers
    /// (<paramref name="cacheControl"/>: immutable, or private for a withheld picture shown to its owner;
    /// nosniff). Missing: 404; the bucket unreachable: 503 with Retry-After, never 500.
    /// </summary>
    public async Task ServeAsync(HttpContext context, string objectKey, string cacheControl)
    {
        var response = context.Response;
        // Only what the pipeline stores: a key's WebP widths and its preview JPEG.
        if (!ServedObject().IsMatch(objectKey))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        GetObjectResponse found;
        try
        {
            found = await _client.GetObjectAsync(_bucket, objectKey, context.RequestAborted);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        catch (Exception e) when (IsUnavailable(e) && !context.RequestAborted.IsCancellationRequested)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = "5";
            return;
        }
        using (found)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType(objectKey);
            response.ContentLength = found.ContentLength;
            response.Headers[HeaderNames.CacheControl] = cacheControl;
            response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            if (!string.IsNullOrEmpty(found.ETag)) response.Headers.ETag = found.ETag;
            if (HttpMethods.IsGet(context.Request.Method))
                await found.ResponseStream.CopyToAsync(response.Body, context.RequestAborted);
        }
    }

    /// <summary>The store did not answer (down, unreachable, refusing): the caller's fault it is not.</summary>
    public static bool IsUnavailable(Exception e) =>
        e is AmazonServiceException or HttpRequestException or IOException or TaskCanceledException or TimeoutException;

    public void Dispose() => _client.Dispose();

    [System.Text.RegularExpressions.GeneratedRegex("^[pa]/[0-9]{4}/[0-9a-f]{32}/([0-9]{1,5}\\.webp|og\\.jpg)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ServedObject();
}

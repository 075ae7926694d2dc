using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// Failures that come from the server's state rather than from the request: the database
/// restarting or out of reach (503 with Retry-After: the same request will succeed in a moment)
/// and a full disk (507). <see cref="ErrorResponses"/> answers them with these statuses, so an
/// outage is never a 500 and clients and probes can tell "try again" from "broken".
/// </summary>
public static class ServerConditions
{
    /// <summary>Seconds a client should wait before retrying after a 503 (a database restart takes a few).</summary>
    public const int RetryAfterSeconds = 5;

    // errno values on Linux: no space left on device, disk quota exceeded.
    private const int NoSpaceErrno = 28;
    private const int QuotaErrno = 122;
    // Windows: ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HRESULTs.
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>503 or 507 when the exception (or one it wraps) is one of these conditions; otherwise null.</summary>
    public static int? StatusFor(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException io && IsDiskFull(io)) return StatusCodes.Status507InsufficientStorage;
            // EF's retrying strategy gave up: the database stayed unreachable through every retry.
            if (e is RetryLimitExceededException) return StatusCodes.Status503ServiceUnavailable;
            // Npgsql marks connection failures, server shutdowns and timeouts as transient; SQLite a busy database.
            if (e is DbException { IsTransient: true } or TimeoutException) return StatusCodes.Status503ServiceUnavailable;
        }
        return null;
    }

    public static bool IsDiskFull(IOException e) =>
        e.HResult is NoSpaceErrno or QuotaErrno or WindowsDiskFull or WindowsHandleDiskFull;
}

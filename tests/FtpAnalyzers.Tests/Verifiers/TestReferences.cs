using System.IO;
using Ftp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FtpAnalyzers.Tests.Verifiers;

/// <summary>What every test compilation references: .NET 8 and, unless a test says otherwise, Ftp.Client.</summary>
internal static class TestReferences
{
    public static ReferenceAssemblies Net80 { get; } = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.0"),
        Path.Combine("ref", "net8.0"));

    public static MetadataReference FtpClient { get; } =
        MetadataReference.CreateFromFile(typeof(FtpConnection).Assembly.Location);
}

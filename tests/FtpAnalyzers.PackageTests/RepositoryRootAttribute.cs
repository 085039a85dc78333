using System;

namespace FtpAnalyzers.PackageTests;

/// <summary>The repository root, baked in at build time so the tests can find the sources to pack.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RepositoryRootAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

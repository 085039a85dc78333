using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FtpAnalyzers.Protocol;

/// <summary>
/// The names a call must have to send an FTP command in one compilation: FtpConnection's command
/// methods and helpers, and every method marked [FtpCommand] in the compilation's source or in a
/// referenced assembly that itself references Ftp.Client. A member none of whose calls has one of
/// these names sends no command: its text alone tells (<see cref="CallNameScanner"/>), before
/// anything is bound or even a syntax node is made, which is what keeps the sequence rules nearly
/// free on code that never speaks FTP.
/// </summary>
internal sealed class CommandCallNames
{
    // Per tree and per referenced assembly, so that a new compilation (every keystroke in the IDE)
    // only looks again at the trees that changed.
    private static readonly ConditionalWeakTable<SyntaxTree, string[]> SourceWrappers = new();
    private static readonly ConditionalWeakTable<IAssemblySymbol, string[]> ReferencedWrappers = new();

    private readonly CallNameScanner _scanner;
    private readonly ConcurrentDictionary<SyntaxTree, bool> _treesThatMayCall = new();

    private CommandCallNames(CallNameScanner scanner) => _scanner = scanner;

    public static CommandCallNames Create(Compilation compilation, FtpSymbols symbols)
    {
        // FtpConnection is sealed and its methods are not generic: they are called as x.Name(...).
        var connectionMethods = new HashSet<string>(FtpSymbols.HelperMethodNames, StringComparer.Ordinal);
        foreach (var member in symbols.Connection.GetMembers())
        {
            if (member is IMethodSymbol method && symbols.GetAttributeVerb(method) is not null)
                connectionMethods.Add(method.Name);
        }

        // [FtpCommand] wrappers may be called bare (from their own class, or through 'using static') and may be generic.
        var wrappers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
            wrappers.UnionWith(SourceWrappers.GetValue(tree, WrapperNamesDeclaredIn));

        var client = symbols.Connection.ContainingAssembly;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!SymbolEqualityComparer.Default.Equals(assembly, client) && References(assembly, client))
                wrappers.UnionWith(ReferencedWrappers.GetValue(assembly, a => WrapperNamesDeclaredIn(a, symbols)));
        }

        // FtpConnection.Connect(...) too, written with its type (other types have a Connect): a member
        // that opens a connection and only hands it to helpers is analyzed for what they do with it.
        var connect = new[] { ("Connect", symbols.Connection.Name), ("ConnectAsync", symbols.Connection.Name) };
        return new CommandCallNames(new CallNameScanner(connectionMethods, wrappers, connect));
    }

    /// <summary>
    /// False when no call inside <paramref name="node"/> can send a command, from its text alone:
    /// first its whole file is looked at, once per compilation, then the node.
    /// </summary>
    public bool MayBeCalledIn(SyntaxNode node)
    {
        var tree = node.SyntaxTree;
        var text = tree.GetText();
        if (!_treesThatMayCall.TryGetValue(tree, out var treeMayCall))
            treeMayCall = _treesThatMayCall.GetOrAdd(tree, _scanner.MayCall(text, new TextSpan(0, text.Length)));
        return treeMayCall && (node.Span.Length == text.Length || _scanner.MayCall(text, node.Span));
    }

    /// <summary>
    /// Methods of a tree declared with an attribute spelled FtpCommand: declarations only, never a
    /// member body, so the walk costs the number of members, not of statements.
    /// </summary>
    private static string[] WrapperNamesDeclaredIn(SyntaxTree tree)
    {
        List<string>? names = null;
        var root = tree.GetRoot();
        foreach (var node in root.DescendantNodes(descendIntoChildren: n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is MethodDeclarationSyntax { AttributeLists.Count: > 0 } method
                && method.AttributeLists.Any(list => list.Attributes.Any(IsFtpCommand)))
                (names ??= new()).Add(method.Identifier.ValueText);
        }

        return names?.ToArray() ?? Array.Empty<string>();
    }

    private static bool IsFtpCommand(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        return name is "FtpCommand" or "FtpCommandAttribute";
    }

    private static bool References(IAssemblySymbol assembly, IAssemblySymbol client)
        => assembly.Modules.Any(module => module.ReferencedAssemblies.Any(identity => identity.Name == client.Identity.Name));

    private static string[] WrapperNamesDeclaredIn(IAssemblySymbol assembly, FtpSymbols symbols)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            var current = namespaces.Pop();
            foreach (var nested in current.GetNamespaceMembers())
                namespaces.Push(nested);
            foreach (var type in current.GetTypeMembers())
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol method && symbols.GetAttributeVerb(method) is not null)
                        names.Add(method.Name);
                }
            }
        }

        return names.ToArray();
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
    private static readonly ConditionalWeakTable<IAssemblySymbol, StrongBox<bool>> ReferencesClient = new();
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<TreeVerdict?>> TreeVerdicts = new();

    private readonly CallNameScanner _scanner;
    private readonly string _names;
    private readonly ConcurrentDictionary<SyntaxNode, bool> _membersThatMayCall = new();

    // The answer of MayBeCalledInAnyTree, asked by every sequence rule at compilation start: 0 not yet known, 1 no, 2 yes.
    private int _anyTreeMayCall;

    private CommandCallNames(CallNameScanner scanner, string names)
    {
        _scanner = scanner;
        _names = names;
    }

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
            if (!SymbolEqualityComparer.Default.Equals(assembly, client)
                && ReferencesClient.GetValue(assembly, a => new StrongBox<bool>(References(a, client))).Value)
                wrappers.UnionWith(ReferencedWrappers.GetValue(assembly, a => WrapperNamesDeclaredIn(a, symbols)));
        }

        // FtpConnection.Connect(...) too, written with its type (other types have a Connect): a member
        // that opens a connection and only hands it to helpers is analyzed for what they do with it.
        var connect = new[] { ("Connect", symbols.Connection.Name), ("ConnectAsync", symbols.Connection.Name) };
        // The names as one string: a tree's verdict is reused by the next compilation (the next
        // keystroke) when it asks about the same names. Interned, so that comparing is one reference test.
        var names = string.Intern(string.Join(" ", connectionMethods.OrderBy(name => name, StringComparer.Ordinal))
            + " | " + string.Join(" ", wrappers.OrderBy(name => name, StringComparer.Ordinal)));
        return new CommandCallNames(new CallNameScanner(connectionMethods, wrappers, connect), names);
    }

    /// <summary>
    /// False when no file of <paramref name="compilation"/> calls a command, from their text
    /// (<see cref="MayBeCalledIn"/>): then no sequence rule has anything to do in it, and none registers an action.
    /// </summary>
    public bool MayBeCalledInAnyTree(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _anyTreeMayCall) is var known and not 0)
            return known == 2;
        var mayCall = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TreeMayCall(tree, cancellationToken))
            {
                mayCall = true;
                break;
            }
        }

        // Kept only once fully answered (a cancellation throws before); rules racing here find the same answer.
        Volatile.Write(ref _anyTreeMayCall, mayCall ? 2 : 1);
        return mayCall;
    }

    /// <summary>
    /// False when no call inside <paramref name="node"/> can send a command, from its text alone:
    /// first its whole file is looked at, then the node; each answer is kept for the rules that ask next.
    /// </summary>
    public bool MayBeCalledIn(SyntaxNode node, CancellationToken cancellationToken)
    {
        if (!TreeMayCall(node.SyntaxTree, cancellationToken))
            return false;
        if (node.Parent is null)
            return true;
        if (!_membersThatMayCall.TryGetValue(node, out var mayCall))
            mayCall = _membersThatMayCall.GetOrAdd(node, ScanNode(node.SyntaxTree, node.Span, cancellationToken));
        return mayCall;
    }

    private bool TreeMayCall(SyntaxTree tree, CancellationToken cancellationToken)
    {
        // One slot per tree, holding the latest verdict: an immutable pair, replaced whole.
        var slot = TreeVerdicts.GetValue(tree, _ => new StrongBox<TreeVerdict?>());
        if (slot.Value is { } verdict && ReferenceEquals(verdict.Names, _names))
            return verdict.MayCall;
        var mayCall = ScanNode(tree, new TextSpan(0, tree.Length), cancellationToken);
        slot.Value = new TreeVerdict(_names, mayCall);
        return mayCall;
    }

    /// <summary>
    /// The text search, where a name found counts only if it is written in code: a comment or a
    /// string that mentions <c>.Type (</c> does not make a file one that calls a command.
    /// </summary>
    private bool ScanNode(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        SyntaxNode? root = null;
        return _scanner.MayCall(text, span, position =>
        {
            var token = (root ??= tree.GetRoot(cancellationToken)).FindToken(position);
            return token.Span.Contains(position) && token.RawKind == (int)SyntaxKind.IdentifierToken;
        });
    }

    /// <summary>Whether a tree may call a command, and for which set of names that was found.</summary>
    private sealed class TreeVerdict
    {
        public TreeVerdict(string names, bool mayCall)
        {
            Names = names;
            MayCall = mayCall;
        }

        public string Names { get; }

        public bool MayCall { get; }
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

using System.Collections.Generic;
using FtpAnalyzers.Protocol;

namespace FtpAnalyzers.Flow;

/// <summary>
/// The abstract state at one point: which connection object each variable holds (so that copies
/// are aliases), the facts about each object, and the variable names pinned as escaped (captured by
/// a lambda or local function, which may run at any later time).
/// A variable not bound yet holds its initial object, unknown — or escaped, after an exception
/// handler entry where anything may have happened. Variables and objects are the numbers of
/// <see cref="FlowVariables"/>; only the bound ones are stored, so a state is as small as what is in scope.
/// </summary>
internal sealed class FlowState
{
    /// <summary>The object a variable holds once its connection escaped or its binding is ambiguous: unknown for good.</summary>
    public const int EscapedObject = -1;

    private static readonly HashSet<string> NoNames = new();

    private readonly FlowVariables _variables;
    private readonly IntMap<int> _bindings;
    private readonly IntMap<ConnectionFacts> _objects;

    // Shared between states and never changed once shared: Pin and Join make a new set when they add names.
    private HashSet<string> _pinned;

    private FlowState(FlowVariables variables, IntMap<int> bindings, IntMap<ConnectionFacts> objects, HashSet<string> pinned, bool unboundAreEscaped)
    {
        _variables = variables;
        _bindings = bindings;
        _objects = objects;
        _pinned = pinned;
        UnboundAreEscaped = unboundAreEscaped;
    }

    /// <summary>True when variables not bound yet hold an escaped connection (after an opaque finally block).</summary>
    public bool UnboundAreEscaped { get; }

    /// <summary>Changes whenever the state does, so that a caller can tell whether an operation changed it.</summary>
    public int Version { get; private set; }

    /// <summary>The state at a method's entry: nothing known, nothing escaped.</summary>
    public static FlowState Entry(FlowVariables variables) => new(variables, new IntMap<int>(), new IntMap<ConnectionFacts>(), NoNames, unboundAreEscaped: false);

    /// <summary>The state where anything may have happened to every connection.</summary>
    public static FlowState AllEscaped(FlowVariables variables) => new(variables, new IntMap<int>(), new IntMap<ConnectionFacts>(), NoNames, unboundAreEscaped: true);

    public FlowState Clone() => new(_variables, _bindings.Clone(), _objects.Clone(), _pinned, UnboundAreEscaped);

    /// <summary>The object the variable holds, binding it to its initial object when first seen.</summary>
    public int ObjectOf(int variable)
    {
        if (_bindings.TryGetValue(variable, out var bound))
            return bound;
        var initial = IsPinned(variable) ? EscapedObject : variable;
        _bindings.Set(variable, initial);
        Version++;
        if (initial != EscapedObject && !_objects.ContainsKey(initial))
            _objects.Set(initial, UnboundAreEscaped ? ConnectionFacts.Escaped : ConnectionFacts.Unknown);
        return initial;
    }

    public ConnectionFacts FactsOf(int connectionObject)
    {
        if (connectionObject != EscapedObject && _objects.TryGetValue(connectionObject, out var facts))
            return facts;
        return _variables.IsInitialObject(connectionObject) && !UnboundAreEscaped ? ConnectionFacts.Unknown : ConnectionFacts.Escaped;
    }

    public void SetFacts(int connectionObject, ConnectionFacts facts)
    {
        if (connectionObject != EscapedObject)
            _objects.Set(connectionObject, facts);
        Version++;
    }

    /// <summary>A new connection object created at a site; variables still holding the one created there before now hold an unknown one.</summary>
    public void Allocate(int connectionObject, ConnectionFacts facts)
    {
        for (var i = 0; i < _bindings.Count; i++)
        {
            if (_bindings.ValueAt(i) == connectionObject)
                _bindings.SetValueAt(i, EscapedObject);
        }

        _objects.Set(connectionObject, facts);
        Version++;
    }

    public void Bind(int variable, int connectionObject)
    {
        _bindings.Set(variable, IsPinned(variable) ? EscapedObject : connectionObject);
        Version++;
    }

    public bool IsBound(int variable) => _bindings.ContainsKey(variable);

    /// <summary>The variable's connection escapes: unknown from here on, through every alias.</summary>
    public void Escape(int variable)
    {
        var connectionObject = ObjectOf(variable);
        SetFacts(connectionObject, ConnectionFacts.Escaped);
        _bindings.Set(variable, EscapedObject);
    }

    /// <summary>Code that may use this object's fields (or only the static ones) runs: the connections they hold escape.</summary>
    public void EscapeFields(bool staticOnly)
    {
        // Escaping a bound variable binds no new one: the indexes stay valid.
        for (var i = 0; i < _bindings.Count; i++)
        {
            var variable = _bindings.KeyAt(i);
            if (_variables.IsFieldOrProperty(variable) && (!staticOnly || _variables.IsStatic(variable)))
                Escape(variable);
        }
    }

    /// <summary>
    /// Variables with these names are captured by code that may run at any later time (a lambda, a
    /// local function): whatever they hold, now or later, is unknown. Matching by name may pin more
    /// variables than captured, never fewer.
    /// </summary>
    public void Pin(IReadOnlyCollection<string> names)
    {
        // A pinned variable already holds the escaped object: pinning its name again changes nothing.
        if (names.Count == 0 || _pinned.IsSupersetOf(names))
            return;
        _pinned = new HashSet<string>(_pinned);
        _pinned.UnionWith(names);
        Version++;
        for (var i = 0; i < _bindings.Count; i++)
        {
            var variable = _bindings.KeyAt(i);
            if (IsPinned(variable))
                Escape(variable);
        }
    }

    private bool IsPinned(int variable) => _variables.NameOf(variable) is { } name && _pinned.Contains(name);

    /// <summary>This state without the variables that are out of scope in block <paramref name="blockOrdinal"/> (itself when there are none).</summary>
    public FlowState WithoutVariablesOutOfScopeAt(int blockOrdinal)
    {
        FlowState? result = null;
        for (var i = 0; i < _bindings.Count; i++)
        {
            var variable = _bindings.KeyAt(i);
            if (!_variables.IsInScopeAt(variable, blockOrdinal))
                (result ??= Clone())._bindings.Remove(variable);
        }

        return result ?? this;
    }

    public FlowState Join(FlowState other)
    {
        var result = new FlowState(
            _variables,
            new IntMap<int>(System.Math.Max(_bindings.Count, other._bindings.Count)),
            new IntMap<ConnectionFacts>(System.Math.Max(_objects.Count, other._objects.Count)),
            UnionOfPinned(_pinned, other._pinned),
            UnboundAreEscaped || other.UnboundAreEscaped);

        // Both binding lists are sorted: walk them together, so the result is built in order.
        int left = 0, right = 0;
        while (left < _bindings.Count || right < other._bindings.Count)
        {
            int variable;
            if (right == other._bindings.Count || (left < _bindings.Count && _bindings.KeyAt(left) < other._bindings.KeyAt(right)))
            {
                variable = _bindings.KeyAt(left++);
            }
            else if (left == _bindings.Count || other._bindings.KeyAt(right) < _bindings.KeyAt(left))
            {
                variable = other._bindings.KeyAt(right++);
            }
            else
            {
                variable = _bindings.KeyAt(left++);
                right++;
            }

            result.JoinBinding(variable, this, other);
        }

        return result;
    }

    /// <summary>The same state without objects no variable holds any more (so that equal states compare equal).</summary>
    public FlowState Normalized() => Join(this);

    private void JoinBinding(int variable, FlowState left, FlowState right)
    {
        var leftObject = left.BindingOrInitial(variable);
        var rightObject = right.BindingOrInitial(variable);
        if (IsPinned(variable) || leftObject != rightObject)
        {
            // Different objects on different paths: which one the variable holds is not known.
            _bindings.Set(variable, EscapedObject);
            return;
        }

        _bindings.Set(variable, leftObject);
        if (leftObject != EscapedObject && !_objects.ContainsKey(leftObject))
            _objects.Set(leftObject, left.FactsOf(leftObject).Join(right.FactsOf(leftObject)));
    }

    private int BindingOrInitial(int variable)
        => _bindings.TryGetValue(variable, out var bound) ? bound
            : IsPinned(variable) ? EscapedObject
            : variable;

    private static HashSet<string> UnionOfPinned(HashSet<string> left, HashSet<string> right)
    {
        if (ReferenceEquals(left, right) || left.IsSupersetOf(right))
            return left;
        if (right.IsSupersetOf(left))
            return right;
        var union = new HashSet<string>(left);
        union.UnionWith(right);
        return union;
    }

    public bool SameAs(FlowState other)
    {
        if (UnboundAreEscaped != other.UnboundAreEscaped
            || _bindings.Count != other._bindings.Count
            || _objects.Count != other._objects.Count
            || _pinned.Count != other._pinned.Count)
        {
            return false;
        }

        for (var i = 0; i < _bindings.Count; i++)
        {
            if (_bindings.KeyAt(i) != other._bindings.KeyAt(i) || _bindings.ValueAt(i) != other._bindings.ValueAt(i))
                return false;
        }

        for (var i = 0; i < _objects.Count; i++)
        {
            if (_objects.KeyAt(i) != other._objects.KeyAt(i) || !_objects.ValueAt(i).Equals(other._objects.ValueAt(i)))
                return false;
        }

        return ReferenceEquals(_pinned, other._pinned) || _pinned.SetEquals(other._pinned);
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FtpAnalyzers.Protocol;
using FtpAnalyzers.Rules;

namespace FtpAnalyzers.Tests.Rules;

/// <summary>
/// What <see cref="FtpAnalyzers.Flow.CleanMemberProof"/> relies on to stand in for the graph
/// analysis: it joins fewer paths than the graph, so the state it sees before a command is below
/// the graph's (fewer "may" bits). That stays so after every verb (or the verb is a mistake there,
/// and the proof stops), and every rule flagging the graph's state could flag the proof's. Checked
/// over every state reachable from a connect with the verbs the rules know, and their joins.
/// </summary>
public class SequenceRuleMonotonicityTests
{
    private static readonly string?[] Verbs = typeof(FtpVerbs).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string?)field.GetValue(null))
        .Concat(new[] { "PASV", "EPSV", "PORT", "EPRT", "LIST", "NLST", "RETR", "STOR", "APPE", "MLSD", "NOOP", "CWD", "ACCT", "REIN", "CCC", "FEAT", null })
        .Distinct()
        .ToArray();

    private static IReadOnlyList<ConnectionFacts> States()
    {
        var states = new HashSet<ConnectionFacts>
        {
            ConnectionFacts.JustConnected, ConnectionFacts.JustConnectedOverTls, ConnectionFacts.JustConnectedWithUnknownEncryption,
            ConnectionFacts.Unknown, ConnectionFacts.Escaped,
        };
        for (var round = 0; round < 3; round++)
        {
            var next = new List<ConnectionFacts>();
            foreach (var state in states)
            {
                foreach (var verb in Verbs)
                {
                    next.Add(FtpVerbs.After(verb, state));
                    if (verb is not null && FtpVerbs.ArmingReplyCode(verb) is not null)
                        next.Add(FtpVerbs.AfterRefusal(verb, FtpVerbs.After(verb, state)));
                }
            }

            states.UnionWith(next);
            // Joins of neighbours: the states two paths meeting give.
            var ordered = states.ToList();
            for (var i = 0; i + 1 < ordered.Count; i += 2)
                states.Add(ordered[i].Join(ordered[i + 1]));
        }

        return states.ToList();
    }

    /// <summary>The pairs checked: every state with a spread of others (all pairs would take minutes).</summary>
    private static IEnumerable<(ConnectionFacts Fewer, ConnectionFacts More)> Pairs(IReadOnlyList<ConnectionFacts> states)
    {
        var stride = System.Math.Max(1, states.Count / 60);
        for (var i = 0; i < states.Count; i++)
        {
            yield return (states[i], states[i]);
            for (var j = i % stride; j < states.Count; j += stride)
                yield return (states[i], states[i].Join(states[j]));
        }
    }

    private static bool IsBelow(ConnectionFacts lower, ConnectionFacts upper) => lower.Join(upper).Equals(upper);

    [Fact]
    public void A_state_of_fewer_paths_stays_below_after_every_verb_that_is_not_a_mistake_there()
    {
        var states = States();
        Assert.True(states.Count > 100, $"only {states.Count} states");
        foreach (var (fewer, more) in Pairs(states))
        {
            foreach (var verb in Verbs)
            {
                if (verb is not null && SequenceRuleAnalyzer.IsMistake(verb, fewer))
                    continue;
                Assert.True(IsBelow(FtpVerbs.After(verb, fewer), FtpVerbs.After(verb, more)), $"{verb ?? "(unknown)"}: from {fewer} and {more}");
                if (verb is not null && FtpVerbs.ArmingReplyCode(verb) is not null)
                    Assert.True(IsBelow(FtpVerbs.AfterRefusal(verb, FtpVerbs.After(verb, fewer)), FtpVerbs.AfterRefusal(verb, FtpVerbs.After(verb, more))), $"refused {verb}: from {fewer} and {more}");
            }
        }
    }

    [Fact]
    public void Every_rule_that_flags_a_state_of_more_paths_could_flag_one_of_fewer()
    {
        var states = States();
        var rules = SequenceRuleAnalyzer.Rules.ToList();
        Assert.Contains(rules, rule => rule.Id == "FTP0001");
        Assert.Contains(rules, rule => rule.Id == "FTP0010");
        foreach (var (fewer, more) in Pairs(states))
        {
            foreach (var verb in Verbs.OfType<string>())
            {
                foreach (var rule in rules)
                {
                    if (rule.IsViolatedBy(verb, more))
                        Assert.True(rule.CouldBeViolatedGiven(verb, fewer), $"{rule.Id} flags {verb} after {more} but not after {fewer}");
                }
            }
        }
    }
}

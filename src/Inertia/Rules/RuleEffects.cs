using System.Data.Common;
using Dapper;
using Inertia.Storage;
using Inertia.Storage.Labels;
using Inertia.Storage.Rules;

namespace Inertia.Rules;

/// <summary>
/// Writes what rules did to a reader's entries (<see cref="RuleOutcome"/>) and why rules failed, inside the caller's
/// transaction: as entries arrive, in the merge's own, so that no entry is ever stored without its rules applied.
/// </summary>
internal static class RuleEffects
{
    public static async Task WriteAsync(Database database, DbConnection connection, DbTransaction transaction, long userId, IReadOnlyList<(long EntryId, RuleOutcome Outcome)> outcomes, DateTimeOffset now)
    {
        // Entries the same rule changed the same way are one statement.
        foreach (var group in outcomes.GroupBy(o => (o.Outcome.RuleId, o.Outcome.Done)))
        {
            var (ruleId, done) = group.Key;
            var set = new List<string>();
            if (done.HasFlag(RuleActions.MarkRead) || done.HasFlag(RuleActions.Hide))
            {
                set.Add("read_at = CASE WHEN is_read THEN read_at ELSE @now END, is_read = TRUE");
            }
            if (done.HasFlag(RuleActions.Star))
            {
                set.Add("starred_at = CASE WHEN is_starred THEN starred_at ELSE @now END, is_starred = TRUE");
            }
            if (done.HasFlag(RuleActions.Hide))
            {
                set.Add("is_hidden = TRUE");
            }
            // The first rule that acted is kept; what every rule did adds up.
            set.Add("rule_id = COALESCE(rule_id, @ruleId), rule_actions = COALESCE(rule_actions, 0) | @done");
            await connection.ExecuteAsync(
                $"UPDATE entry_states SET {string.Join(", ", set)} WHERE user_id = @userId AND {database.InList("entry_id", "@ids")}",
                new { userId, ids = group.Select(o => o.EntryId).ToList(), now, ruleId, done = (int)done }, transaction);
        }
        // One statement per label, however many entries it goes on.
        foreach (var label in outcomes.SelectMany(o => o.Outcome.Labels.Select(label => (Label: label, o.EntryId))).GroupBy(l => l.Label))
        {
            await connection.ExecuteAsync(
                $"""
                INSERT INTO entry_labels (user_id, entry_id, label, label_key, created_at)
                SELECT user_id, entry_id, @label, @key, @now FROM entry_states WHERE user_id = @userId AND {database.InList("entry_id", "@ids")}
                ON CONFLICT DO NOTHING
                """, new { userId, ids = label.Select(l => l.EntryId).ToList(), label = label.Key, key = LabelName.Key(label.Key), now }, transaction);
        }
    }

    /// <summary>Records on each rule why it failed, for its settings row.</summary>
    public static async Task RecordFailuresAsync(DbConnection connection, DbTransaction transaction, IReadOnlyDictionary<long, string> failures, DateTimeOffset now)
    {
        foreach (var (ruleId, error) in failures)
        {
            await connection.ExecuteAsync("UPDATE rules SET last_error = @error, last_error_at = @now WHERE id = @ruleId", new { ruleId, error, now }, transaction);
        }
    }
}

using Evacuation.Core.Operators;

namespace Evacuation.Core.Tests.Operators;

public sealed class ConfiguredKeysTests
{
    static StoredApiKey Row(string name, string hash, OperatorRole role, KeySource source, bool revoked = false) => new()
    {
        Name = name, KeyHash = hash, Role = role, Source = source, RevokedAt = revoked ? new DateTime(2026, 1, 1) : null,
    };

    static ConfiguredKey Key(int index, string name, string hash, OperatorRole role = OperatorRole.Operator) => new(index, name, role, hash);

    [Fact]
    public void An_empty_table_and_no_configuration_needs_a_first_start_key()
    {
        var plan = ConfiguredKeys.Plan([], []);
        Assert.True(plan.NeedsFirstKey);
        Assert.Empty(plan.Insert);
    }

    [Fact]
    public void New_configured_keys_are_inserted_and_no_first_start_key_is_needed()
    {
        var plan = ConfiguredKeys.Plan([Key(0, "a", "H1"), Key(1, "b", "H2")], []);
        Assert.Equal(["a", "b"], plan.Insert.Select(k => k.Name));
        Assert.False(plan.NeedsFirstKey);
    }

    [Fact]
    public void A_configured_key_already_stored_is_updated_only_when_its_name_or_role_changed()
    {
        var same = Row("a", "H1", OperatorRole.Operator, KeySource.Configured);
        var renamed = Row("old", "H2", OperatorRole.Viewer, KeySource.Configured);
        var plan = ConfiguredKeys.Plan([Key(0, "a", "H1"), Key(1, "new", "H2", OperatorRole.Admin)], [same, renamed]);
        Assert.Empty(plan.Insert);
        var (row, key) = Assert.Single(plan.Update);
        Assert.Same(renamed, row);
        Assert.Equal("new", key.Name);
    }

    [Fact]
    public void A_configured_key_revoked_through_the_api_stays_revoked_with_a_warning()
    {
        var plan = ConfiguredKeys.Plan([Key(0, "a", "H1")], [Row("a", "H1", OperatorRole.Operator, KeySource.Configured, revoked: true)]);
        Assert.Empty(plan.Insert);
        Assert.Empty(plan.Update);
        Assert.Equal("Operators:ApiKeys:0 ('a') was revoked and stays refused; remove it from the configuration", Assert.Single(plan.Warnings));
        Assert.True(plan.NeedsFirstKey);
    }

    [Fact]
    public void A_configured_row_no_longer_configured_is_revoked_but_created_keys_are_left_alone()
    {
        var gone = Row("gone", "H9", OperatorRole.Operator, KeySource.Configured);
        var created = Row("made", "H8", OperatorRole.Viewer, KeySource.Created);
        var plan = ConfiguredKeys.Plan([Key(0, "a", "H1")], [gone, created]);
        Assert.Same(gone, Assert.Single(plan.Revoke));
    }

    [Theory]
    [InlineData(OperatorRole.Admin, true)]
    [InlineData(OperatorRole.Operator, false)]
    public void The_first_start_key_is_revoked_once_an_admin_key_is_configured(OperatorRole configuredRole, bool revoked)
    {
        var first = Row("first-admin", "H0", OperatorRole.Admin, KeySource.FirstStart);
        var plan = ConfiguredKeys.Plan([Key(0, "a", "H1", configuredRole)], [first]);
        Assert.Equal(revoked, plan.Revoke.Contains(first));
    }

    [Fact]
    public void Created_keys_left_over_mean_no_first_start_key_is_needed()
    {
        var plan = ConfiguredKeys.Plan([], [Row("made", "H8", OperatorRole.Admin, KeySource.Created)]);
        Assert.False(plan.NeedsFirstKey);
    }

    [Fact]
    public void A_configured_name_held_by_another_active_key_stops_start_up()
    {
        var plan = ConfiguredKeys.Plan([Key(2, "Screen", "H1")], [Row("screen", "H8", OperatorRole.Viewer, KeySource.Created)]);
        Assert.Equal("Operators:ApiKeys:2:Name 'Screen' is already the name of a key created through /api/keys; rename one of them or revoke that key", plan.Refusal);
    }

    [Fact]
    public void A_name_freed_by_a_revocation_in_the_same_plan_is_no_clash()
    {
        var plan = ConfiguredKeys.Plan([Key(0, "screen", "H1")], [Row("screen", "H9", OperatorRole.Viewer, KeySource.Configured)]);
        Assert.Null(plan.Refusal);
        Assert.Single(plan.Revoke);
    }
}

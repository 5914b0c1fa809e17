using TenantDatabases.Operations.ScriptReview;
using TenantDatabases.Operations.Scripts;

namespace TenantDatabases.Operations.Tests.ScriptReview;

public sealed class RetrySafetyTests
{
    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY i ON t (c)")]
    [InlineData("create unique index concurrently if not exists i on t (c)")]
    [InlineData("DROP INDEX CONCURRENTLY i")]
    [InlineData("INSERT INTO t VALUES (1)")]
    [InlineData("WITH d AS (SELECT 1) DELETE FROM t")]
    [InlineData("ALTER TABLE t ADD COLUMN c int")]
    [InlineData("ALTER TABLE t RENAME COLUMN a TO b")]
    [InlineData("ALTER TABLE t DROP COLUMN c")]
    [InlineData("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY")]
    [InlineData("ALTER TYPE mood ADD VALUE 'meh'")]
    public void StatementsThatFailOrActAgainWhenRepeatedAreHazards(string statement) =>
        Assert.NotNull(RetrySafety.Hazard(StatementWords.Of(statement)));

    [Theory]
    [InlineData("CREATE INDEX IF NOT EXISTS i ON t (c)")]
    [InlineData("CREATE OR REPLACE VIEW v AS SELECT 1")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS i")]
    [InlineData("ALTER TABLE t ADD COLUMN IF NOT EXISTS c int")]
    [InlineData("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh'")]
    [InlineData("ALTER TABLE t ALTER COLUMN c DROP NOT NULL")]
    [InlineData("VACUUM ANALYZE t")]
    [InlineData("REINDEX INDEX CONCURRENTLY i")]
    [InlineData("SET lock_timeout = '1s'")]
    [InlineData("DO $$ BEGIN INSERT INTO t VALUES (1); END $$")]
    public void StatementsThatCanRunAgainOrCannotBeToldAreNot(string statement) =>
        Assert.Null(RetrySafety.Hazard(StatementWords.Of(statement)));

    [Fact]
    public void KeywordsInCommentsLiteralsAndBodiesDoNotCount()
    {
        Assert.Equal("CREATE INDEX I ON T (C) WHERE NOTE = ''", StatementWords.Of("-- IF NOT EXISTS\ncreate /* IF NOT EXISTS /* nested */ */ index i on t (c) where note = 'IF NOT EXISTS'"));
        Assert.Equal("SELECT $$, $1, A$B", StatementWords.Of("select $body$ IF NOT EXISTS $body$, $1, a$b"));
        Assert.Equal("SELECT E'', \"\"", StatementWords.Of("select E'it\\'s IF EXISTS', \"IF EXISTS\""));
        Assert.NotNull(RetrySafety.Hazard(StatementWords.Of("CREATE INDEX i ON t (c) WHERE note = 'IF NOT EXISTS'")));
    }
}

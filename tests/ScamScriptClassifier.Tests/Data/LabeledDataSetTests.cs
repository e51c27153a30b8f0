using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Data;

public sealed class LabeledDataSetTests() : TemporaryDirectory("data")
{
    [Fact]
    public void Read_ValidJsonLines_ReadsEveryField()
    {
        var path = Write("a.jsonl",
            """{"id": "s1", "text": "Chuyển tiền ngay", "label": "scam", "categories": ["impersonation", "money_transfer", "other"], "kind": "asr", "family": "f1"}""");

        var item = Assert.Single(LabeledDataSet.Read(path).Items);

        Assert.Equal(("s1", "Chuyển tiền ngay", true, MessageKind.Asr, "f1", true), (item.Id, item.Text, item.IsScam, item.Kind, item.Family, item.IsOtherScam));
        Assert.Equal([ScamPattern.Impersonation, ScamPattern.MoneyTransfer], item.Patterns);
    }

    public static TheoryData<string, string> BadRows => new()
    {
        { "{not json", "invalid JSON" },
        { """{"id": "x", "label": "legit"}""", "missing \"text\"" },
        { """{"id": "x", "text": "  ", "label": "legit"}""", "empty \"text\"" },
        { """{"id": "x", "text": "a"}""", "missing \"label\"" },
        { """{"id": "x", "text": "a", "label": "spam"}""", "unknown label \"spam\"" },
        { """{"id": "x", "text": "a", "label": "legit", "kind": "email"}""", "unknown kind \"email\"" },
        { """{"id": "x", "text": "a", "label": "scam", "categories": ["phishing"]}""", "unknown category \"phishing\"" },
        { """{"id": "x", "text": "a", "label": "legit", "categories": ["money_transfer"]}""", "a legit item has no categories" },
        { """{"text": "a", "label": "legit"}""", "missing \"id\"" },
        { """[1, 2]""", "expected a JSON object" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Read_BadRow_IsReportedWithFileAndLine(string row, string expected)
    {
        var path = Write("bad.jsonl", """{"id": "ok", "text": "Chào em", "label": "legit"}""", row);

        var data = LabeledDataSet.Read(path);

        Assert.Single(data.Items);
        var problem = Assert.Single(data.Problems);
        Assert.Equal(path, problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateIdAndConflictingLabels_AreReportedAtTheLaterLine()
    {
        var path = Write("dup.jsonl",
            """{"id": "a", "text": "Chuyển khoản cho anh", "label": "legit"}""",
            """{"id": "a", "text": "Khác", "label": "legit"}""",
            """{"id": "b", "text": "Chuyển khoản cho anh", "label": "scam"}""");

        var problems = LabeledDataSet.Read(path).Problems;

        Assert.Collection(problems,
            p => Assert.Equal((2, true), (p.Line, p.Message.Contains("duplicate id", StringComparison.Ordinal))),
            p => Assert.Equal((3, true), (p.Line, p.Message.Contains("labelled \"legit\"", StringComparison.Ordinal))));
    }

    [Fact]
    public void Read_Csv_AcceptsTheSameColumnsWithPipeJoinedCategories()
    {
        var path = Write("items.csv",
            "id,text,label,categories,kind",
            "c1,\"Anh chuyển 5tr, gấp\",scam,impersonation|money_transfer,sms",
            "c2,\"Dòng một\nDòng hai\",legit,,transcript");

        var data = LabeledDataSet.Read(path);

        Assert.Empty(data.Problems);
        Assert.Equal(["c1", "c2"], data.Items.Select(i => i.Id));
        Assert.Equal([ScamPattern.Impersonation, ScamPattern.MoneyTransfer], data.Items[0].Patterns);
        Assert.Equal("Dòng một\nDòng hai", data.Items[1].Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_CsvRowOverTheRowLimit_IsRefusedAtItsLineInLinearTime(bool quoted)
    {
        var text = new string('a', 12_000_000);
        var path = Write("long.csv", "id,text,label", "ok,Chào em,legit", quoted ? $"long,\"x\ny{text}\",legit" : $"long,{text},legit", "after,Chào anh,legit");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var problem = Assert.Single(LabeledDataSet.Read(path).Problems);

        Assert.StartsWith($"{path}:3: the CSV row is longer than 2065536 characters", problem.ToString(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Read_CsvWithARepeatedColumn_IsReportedAtItsHeader()
    {
        var path = Write("dup.csv", "id,text,label,Text", "a,b,legit,c");

        var problem = Assert.Single(LabeledDataSet.Read(path).Problems);

        Assert.Equal(1, problem.Line);
        Assert.Contains("\"text\" more than once", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFamily_MeansTheItemIsItsOwnFamily()
    {
        var path = Write("f.jsonl", """{"id": "a", "text": "x", "label": "legit", "family": ""}""");

        Assert.Null(Assert.Single(LabeledDataSet.Read(path).Items).Family);
    }

    [Fact]
    public void Read_Directory_ReadsTopLevelFilesOnlyInNameOrder()
    {
        Write("b.jsonl", """{"id": "b", "text": "b", "label": "legit"}""");
        Write("a.jsonl", """{"id": "a", "text": "a", "label": "legit"}""");
        Directory.CreateDirectory(PathOf("challenge"));
        File.WriteAllText(PathOf("challenge", "c.jsonl"), """{"id": "c", "text": "c", "label": "legit"}""");

        var data = LabeledDataSet.Read(Folder);

        Assert.Equal(["a", "b"], data.Items.Select(i => i.Id));
        Assert.Equal(["a.jsonl", "b.jsonl"], data.Sources);
    }

    [Fact]
    public void Read_MissingPath_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => LabeledDataSet.Read(PathOf("none")));
    }

    [Fact]
    public void ComputeSha256_IgnoresLineEndingStyle()
    {
        var unix = new LabeledMessage("t", "A: alo\nB: dạ", false, [], MessageKind.Transcript);
        var windows = unix with { Text = "A: alo\r\nB: dạ" };

        Assert.Equal(LabeledDataSet.ComputeSha256([unix]), LabeledDataSet.ComputeSha256([windows]));
        Assert.NotEqual(LabeledDataSet.ComputeSha256([unix]), LabeledDataSet.ComputeSha256([unix with { IsScam = true }]));
    }

    private string Write(string name, params string[] lines)
    {
        var path = PathOf(name);
        File.WriteAllLines(path, lines);
        return path;
    }
}

using System.Text.Json;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Training;

/// <summary>Data that cannot train a model is refused with a message that says why, before any work.</summary>
public sealed class TrainingValidationTests() : TemporaryDirectory("training-validation")
{
    private static readonly ScamPattern[] AllPatterns = [.. ScamPatterns.All];

    private static readonly string[] Scams =
    [
        Some.ScamScript,
        Some.SubscriptionScam,
        "Đây là Công an phường, số thuê bao của chị liên quan vụ án rửa tiền. Chị chuyển toàn bộ tiền vào tài khoản tạm giữ để xác minh, không được nói với ai.",
        "Sở TT-TT thông báo thuê bao của anh sẽ bị khóa 2 chiều do đăng tin sai sự thật. Anh chuyển 5 triệu phí xử lý để giữ số.",
    ];

    private static readonly string[] Legits =
    [
        Some.OfficialWarning,
        Some.Everyday,
        "Tối nay cả nhà ăn cơm lúc 7 giờ nhé, bố mua cá rồi.",
        "Cảm ơn anh đã gửi tài liệu, em sẽ đọc và phản hồi trước thứ Sáu.",
    ];

    [Fact]
    public void Train_ThreeScamsAndTwoLegit_IsRefusedAsTooFewBeforeAnyWork()
    {
        var progress = new Recorder();
        var items = Items(Scams.Take(3), AllPatterns).Concat(Items(Legits.Take(2), [])).ToList();

        var error = Assert.Throws<ArgumentException>(() => new ScamModelTrainer(new ScamTrainingOptions { Progress = progress }).Train(items));

        Assert.StartsWith("Too few items: need at least 3 scam and 3 legit items", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 scam items in 3 families and 2 legit items in 2 families", error.Message, StringComparison.Ordinal);
        Assert.Empty(progress.Messages);
    }

    [Fact]
    public void Train_OneScamPerCategoryAndOneLegit_IsRefusedAsTooFew()
    {
        var items = Scams.Select((text, i) => Item($"s{i}", text, true, [AllPatterns[i]])).Append(Item("l0", Legits[0], false, [])).ToList();

        var error = Assert.Throws<ArgumentException>(() => new ScamModelTrainer().Train(items));

        Assert.StartsWith("Too few items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_CategoryOnlyInHeldOutFamilies_SaysItWasHeldOut()
    {
        // Three scam families, each the only one with its own category: whichever is held out takes its category along.
        ScamPattern[][] categories =
        [
            [ScamPattern.Impersonation, ScamPattern.MoneyTransfer],
            [ScamPattern.AntiStateThreat, ScamPattern.MoneyTransfer],
            [ScamPattern.SubscriptionRevocation, ScamPattern.MoneyTransfer],
        ];
        var items = Scams.Take(3).Select((text, i) => Item($"s{i}", text, true, categories[i])).Concat(Items(Legits.Take(3), [])).ToList();

        var error = Assert.Throws<ArgumentException>(() => new ScamModelTrainer().Train(items));

        Assert.Contains("on the training side", error.Message, StringComparison.Ordinal);
        Assert.Contains("the data has 1, all in families held out for evaluation", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Train_TheFewestItemsAccepted_WritesAModelWithHeldOutFigures(int thresholdFolds)
    {
        var items = Items(Scams.Take(3), AllPatterns).Concat(Items(Legits.Take(3), [])).ToList();

        var model = new ScamModelTrainer(new ScamTrainingOptions { ThresholdFolds = thresholdFolds }).Train(items);

        Assert.NotNull(model.Manifest.HeldOut);
        Assert.Equal(2, model.Manifest.HeldOut!.Items);
        using var saved = new MemoryStream();
        model.Save(saved);
        Assert.Equal(model.Manifest, ScamClassifier.Load(WriteModel(saved.ToArray())).Manifest);
    }

    [Fact]
    public void Train_ItemOverTheTextLimit_IsRefusedByIdBeforeAnyWork()
    {
        var items = Items(Scams, AllPatterns).Concat(Items(Legits, [])).Append(Item("long", new string('a', 1_000_001), false, [])).ToList();

        var error = Assert.Throws<ArgumentException>(() => new ScamModelTrainer().Train(items));

        Assert.Contains("Item \"long\": text is longer than 1000000 characters (1000001)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossValidate_TooFewFamiliesForTheFolds_IsRefused()
    {
        var items = Items(Scams, AllPatterns).Concat(Items(Legits, [])).ToList();

        var error = Assert.Throws<ArgumentException>(() => new ScamModelTrainer().CrossValidate(items, folds: 5));

        Assert.StartsWith("Too few items: need at least 5 scam and 5 legit items", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 2)]
    [InlineData(0.2, 3)]
    [InlineData(0.5, 4)]
    public void MinimumFamilies_HeldOutFraction_LeavesOneHeldOutAndTwoToTrain(double fraction, int expected)
    {
        Assert.Equal(expected, ScamModelTrainer.MinimumFamilies(fraction));
    }

    [Fact]
    public void Read_JsonItemOverTheTextLimit_IsAProblemWithFileAndLine()
    {
        var path = PathOf("long.jsonl");
        File.WriteAllLines(path,
        [
            JsonSerializer.Serialize(new { id = "ok", text = "Chào em", label = "legit" }),
            JsonSerializer.Serialize(new { id = "long", text = new string('a', 1_000_001), label = "legit" }),
        ]);

        var data = LabeledDataSet.Read(path);

        Assert.Single(data.Items);
        Assert.Equal($"{path}:2: item \"long\": text is longer than 1000000 characters (1000001)", Assert.Single(data.Problems).ToString());
    }

    private string WriteModel(byte[] bytes)
    {
        var path = PathOf($"{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static IEnumerable<LabeledMessage> Items(IEnumerable<string> texts, ScamPattern[] patterns) =>
        texts.Select((text, i) => Item($"{(patterns.Length > 0 ? "s" : "l")}{i}", text, patterns.Length > 0, patterns));

    private static LabeledMessage Item(string id, string text, bool isScam, ScamPattern[] patterns) =>
        new(id, text, isScam, patterns, MessageKind.Sms, null, false, null);

    private sealed class Recorder : IProgress<string>
    {
        public List<string> Messages { get; } = [];

        public void Report(string value) => Messages.Add(value);
    }
}

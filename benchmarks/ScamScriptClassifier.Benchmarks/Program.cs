using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using ScamScriptClassifier;

if (args is ["--working-set"])
{
    // Process working set once the default model is loaded and has scored a few thousand texts, as in a service.
    // Not a timing, so not a BenchmarkDotNet case.
    var classifier = ScamClassifier.LoadDefault();
    string[] texts =
    [
        "Alo, tôi là Giám đốc Sở TT-TT tỉnh, số thuê bao của anh đăng bài chống phá Nhà nước, anh chuyển 30tr vào tài khoản tạm giữ ngay.",
        "Chiều nay con đón em ở trường nhé, mẹ về muộn. Nhớ mua thêm rau với trứng.",
    ];
    for (var i = 0; i < 2_000; i++)
    {
        classifier.Score(texts[i % texts.Length]);
    }

    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    Console.WriteLine($"working set with the default model loaded: {Environment.WorkingSet / (1024 * 1024)} MiB");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default));

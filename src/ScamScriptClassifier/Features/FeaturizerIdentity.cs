using System.Security.Cryptography;

namespace ScamScriptClassifier.Features;

/// <summary>
/// What the featuriser is, measured rather than declared: SHA-256 of the buckets, with segment ends, that
/// <see cref="NGramFeaturizer{TConsumer}"/> emits for <see cref="ProbeText"/>. A model records it when trained and is
/// refused by a library whose featuriser gives another: a changed tokenizer rule, placeholder, teencode entry, hash
/// constant or segment length would otherwise make the model score shifted features without a word.
/// </summary>
internal static class FeaturizerIdentity
{
    /// <summary>
    /// Several sentences that exercise what the featuriser does: diacritics precomposed and decomposed (NFD),
    /// teencode, speaker labels, phone and account numbers, money, a link, an OTP, quotations, repeated and long
    /// segments. Changing it changes every model's expected fingerprint: retrain the default model after editing it.
    /// </summary>
    public const string ProbeText =
        "A: Alo, tôi là cán bộ Sở TT-TT, ông Nguyễn Văn Hùng, gọi từ số 0912 345 678 (hoặc +84 28 3822 1234).\n"
        + "B: Dạ vâng, a cần gì ạ? Em ko hiểu, sao lại gọi e???\n"
        + "[Cán bộ] Thuê bao của anh đăng ký \"ko chuẩn\" và bị khóa 2 chiều sau 2h nữa; anh bị tình nghi đăng tin chống phá Nhà nước.\n"
        + "- Ca\u0301n bô\u0323 no\u0301i: anh chuyển 5tr (hoặc 1.500.000đ, 2,5 triệu, 300k, $20) vào stk 1903 4567 8910 12 Vietcombank, ck xong đọc mã OTP 483920.\n"
        + "Người gọi: Truy cập https://bo-cong-an.gov-vn.top/xac-minh?id=42 hoặc zalo.me/0987654321 để cài app, ko thì mời lên làm việc!!! "
        + "Lặp lại: khóa 2 chiều, khóa 2 chiều, khóa 2 chiều. ĐỪNG NÓI VỚI AI. Ngày 12/03/2024 lúc 14:30, mã hồ sơ PA-2024-0815.\n"
        + "Xin chào quý khách, đây là tin nhắn của nhà mạng: một hai ba bốn năm sáu bảy tám chín mười mười một mười hai "
        + "mười ba mười bốn mười lăm mười sáu mười bảy mười tám mười chín hai mươi hai mốt hai hai hai ba hai tư hai lăm.";

    private static readonly Lazy<string> Library = new(() => Of(ProbeText));

    /// <summary>This library's fingerprint: computed once, on first use (a few microseconds).</summary>
    public static string Current => Library.Value;

    /// <summary>The fingerprint of the featuriser's output on <paramref name="text"/>: lower-case hex SHA-256.</summary>
    public static string Of(string text)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        NGramFeaturizer<Recorder>.Run(text, new Recorder(hash));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Appends each bucket as four little-endian bytes, and −1 at each segment end.</summary>
    private readonly struct Recorder(IncrementalHash hash) : IFeatureConsumer
    {
        public void Add(int index, int start, int end, int order, int token) => Append(index);

        public void EndSegment() => Append(-1);

        private void Append(int value)
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            hash.AppendData(bytes);
        }
    }
}

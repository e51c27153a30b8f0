namespace ScamScriptClassifier.Tests.Support;

/// <summary>Hand-written texts for tests that need a clear example of each side.</summary>
internal static class Some
{
    public const string ScamScript =
        "Alo, tôi là Giám đốc Sở Thông tin và Truyền thông tỉnh. Số thuê bao của anh đã được dùng để lập tài khoản Facebook "
        + "đăng bài chống phá Đảng và Nhà nước. Anh sẽ bị mời lên làm việc. Để chứng minh trong sạch, anh chuyển 30 triệu vào "
        + "tài khoản tạm giữ 0451000123456 Vietcombank và không được nói với ai.";

    public const string SubscriptionScam =
        "Thuê bao của quý khách chưa chuẩn hóa thông tin, sẽ bị khóa 2 chiều trong 2 giờ tới. Bấm phím 9 để gặp tổng đài viên, "
        + "nộp phí 500k để giữ số.";

    public const string OfficialWarning =
        "Sở Thông tin và Truyền thông cảnh báo: gần đây có đối tượng giả danh lãnh đạo Sở gọi điện, nói số thuê bao của người dân "
        + "đăng tin chống phá rồi yêu cầu chuyển tiền. Cơ quan nhà nước không làm việc qua điện thoại. Người dân tuyệt đối không làm theo, "
        + "hãy phản ánh tới tổng đài 156 theo cú pháp LD số điện thoại nội dung.";

    public const string Everyday = "Chiều nay con đón em ở trường nhé, mẹ về muộn. Nhớ mua thêm rau với trứng.";

    public static string NoDiacritics(string text)
    {
        var chars = text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c switch { 'đ' => 'd', 'Đ' => 'D', _ => c })
            .ToArray();
        return new string(chars);
    }
}

package serve

import "github.com/vanban/vanban/internal/diag"

// words are the page's own texts, in Vietnamese and English; a message
// about the input comes from the diagnostics, in the same language.
var words = map[string][2]string{
	"internal error":     {"lỗi bên trong vanban", "internal error in vanban"},
	"foreign host":       {"vanban serve chỉ trả lời địa chỉ của chính máy này (127.0.0.1, localhost)", "vanban serve answers only requests addressed to this machine (127.0.0.1, localhost)"},
	"foreign origin":     {"yêu cầu đến từ một trang web khác, vanban serve không trả lời", "the request comes from another web site; vanban serve does not answer it"},
	"read only":          {"vanban serve chỉ đọc, không ghi gì", "vanban serve only reads; it writes nothing"},
	"not found":          {"không có tệp .yaml này trong thư mục", "no such .yaml file in the folder"},
	"busy":               {"quá nhiều trang đang mở; thử lại sau", "too many pages open; try again later"},
	"download":           {"Tải về", "Download"},
	"download %s":        {"Tải %s", "Download %s"},
	"cannot read":        {"không đọc được tệp", "cannot read the file"},
	"line %d, column %d": {"dòng %d, cột %d", "line %d, column %d"},
	"no problems":        {"Không có lỗi hay cảnh báo nào.", "No problems."},
	"fix":                {"cách sửa", "expected"},
	"%d problems":        {"Lỗi và cảnh báo (%d)", "Problems (%d)"},
	"not rendered":       {"Chưa tạo được văn bản: hãy sửa các lỗi dưới đây.", "The file cannot be rendered: fix the problems below."},
	"last good pages":    {"Các trang mờ bên dưới là bản đúng gần nhất.", "The greyed pages below are the last good version."},
	"state ok":           {"tốt", "ok"},
	"state warnings":     {"có cảnh báo", "warnings"},
	"state errors":       {"có lỗi", "errors"},
	"state unreadable":   {"không đọc được", "unreadable"},
	"kind document":      {"văn bản", "document"},
	"kind report":        {"báo cáo thống kê", "statistics report"},
	"kind ":              {"", ""},
	"empty folder":       {"Thư mục này không có tệp .yaml hoặc .yml nào.", "This folder holds no .yaml or .yml file."},
	"all files":          {"Tất cả các tệp", "All files"},
	"files in":           {"Các tệp trong", "Files in"},
	"source":             {"Nội dung tệp YAML", "The YAML file"},
	"live":               {"Trang tự cập nhật mỗi khi tệp được lưu.", "The page updates itself whenever the file is saved."},
	"disconnected":       {"Mất kết nối với vanban serve; đang thử lại…", "Lost the connection to vanban serve; retrying…"},
	"file":               {"Tệp", "File"},
	"kind":               {"Loại", "Kind"},
	"state":              {"Tình trạng", "State"},
}

// t returns the page text of key in the server's language.
func (s *Server) t(key string) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	if s.lang == diag.En {
		return w[1]
	}
	return w[0]
}

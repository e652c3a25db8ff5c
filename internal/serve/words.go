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
	"%d error":           {"%d lỗi", "%d error"},
	"%d errors":          {"%d lỗi", "%d errors"},
	"%d warning":         {"%d cảnh báo", "%d warning"},
	"%d warnings":        {"%d cảnh báo", "%d warnings"},
	"%d note":            {"%d ghi chú", "%d note"},
	"%d notes":           {"%d ghi chú", "%d notes"},
	"sev error":          {"Lỗi", "Error"},
	"sev warning":        {"Cảnh báo", "Warning"},
	"sev note":           {"Ghi chú", "Note"},
	// What cannot be made, by the input's kind ("" when the file is
	// too broken to tell).
	"not rendered document":  {"Chưa tạo được văn bản: hãy sửa các lỗi dưới đây.", "The document cannot be rendered: fix the errors below."},
	"not rendered report":    {"Chưa tạo được báo cáo thống kê (tệp Excel): hãy sửa các lỗi dưới đây.", "The workbook cannot be made: fix the errors below."},
	"not rendered catalogue": {"Bộ chỉ tiêu này có lỗi nên các báo cáo dùng nó chưa tạo được: hãy sửa các lỗi dưới đây.", "The indicator catalogue has errors, so the reports that use it cannot be made: fix the errors below."},
	"not rendered ":          {"Chưa tạo được văn bản hay báo cáo nào từ tệp này: hãy sửa các lỗi dưới đây.", "Nothing can be made from this file: fix the errors below."},
	"last good document":     {"Các trang mờ bên dưới là bản đúng gần nhất.", "The greyed pages below are the last good version."},
	"last good report":       {"Bảng mờ bên dưới là bản đúng gần nhất.", "The greyed table below is the last good version."},
	"last good ":             {"Phần mờ bên dưới là bản đúng gần nhất.", "The greyed part below is the last good version."},
	"state ok":               {"tốt", "ok"},
	"state warnings":         {"có cảnh báo", "warnings"},
	"state notes":            {"có ghi chú", "notes"},
	"state errors":           {"có lỗi", "errors"},
	"state unreadable":       {"không đọc được", "unreadable"},
	"kind document":          {"văn bản", "document"},
	"kind report":            {"báo cáo thống kê", "statistics report"},
	"kind catalogue":         {"bộ chỉ tiêu", "indicator catalogue"},
	"kind ":                  {"", ""},
	"empty folder":           {"Thư mục này không có tệp .yaml hoặc .yml nào.", "This folder holds no .yaml or .yml file."},
	"all files":              {"Tất cả các tệp", "All files"},
	"files in":               {"Các tệp trong", "Files in"},
	"source":                 {"Nội dung tệp YAML", "The YAML file"},
	"live":                   {"Trang tự cập nhật mỗi khi tệp được lưu.", "The page updates itself whenever the file is saved."},
	"disconnected":           {"Mất kết nối với vanban serve; đang thử lại…", "Lost the connection to vanban serve; retrying…"},
	"file":                   {"Tệp", "File"},
	"kind":                   {"Loại", "Kind"},
	"state":                  {"Tình trạng", "State"},
}

// byKind is the key of a text worded for an input's kind ("not rendered
// report"), or the kind-less one when the kind has no wording of its own.
func byKind(prefix, kind string) string {
	if _, ok := words[prefix+kind]; ok {
		return prefix + kind
	}
	return prefix
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

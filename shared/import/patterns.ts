/** The words and shapes the recogniser looks for, once. */

export const TIEU_DE = /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/u;
/** The state documents' header (Nghị định 30/2020), never a Party document's: dropped with a note. */
export const STATE_TIEU_DE = /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/iu;
/** The tên loại: a KẾ HOẠCH, or a BÁO CÁO (kết quả thực hiện kế hoạch), which has the same parts. */
export const TITLE = /^(?:KẾ\s*HOẠCH|BÁO\s*CÁO)$/u;
export const SEPARATOR = /^[-–—_=*.\s]{3,}$/u;
export const MARKS = ['TUYỆT MẬT', 'TỐI MẬT', 'MẬT', 'THƯỢNG KHẨN', 'HỎA TỐC', 'HOẢ TỐC', 'KHẨN'] as const;
export const DRAFT_LABEL = /^\(?\s*Dự\s+thảo(?:\s+lần\s+\d+)?\s*\)?$/iu;

/** "Số 315-KH/HU", "Số: 24/KH-CB", "Số      -KH/HU", "Số -KH/TU" (a PDF's text loses the blanks). */
export const NUMBER_LINE =
  /(?:^|\s)(S[ốoô]\s*:?\s*(?:\d*\s*-\s*\p{L}{1,5}\s*\/\s*[\p{L}\d]+|\d+\s*\/\s*\p{L}{1,5}(?:\s*-\s*[\p{L}\d]+)?|\d+))(?=\s|$)/u;
/** "Tam Đường, ngày 15 tháng 10 năm 2024"; blanks, dots or "…" for a draft's day and month. */
export const DATE_LINE = /(?:^|\s)(?:([^,]*?)\s*,\s*)?ngày\s*(\d{1,2}|[._…]*)\s*tháng\s*(\d{1,2}|[._…]*)\s*năm\s*(\d{4}|[._…]*)\s*$/iu;

/** The opening verbs of a căn cứ reference. */
export const CAN_CU_VERB = /^(?:[-–+•]\s*)?([Cc]ăn cứ|[Tt]hực hiện|[Tt]hi hành)\s+(.*)$/su;
export const CAN_CU_START = /^(?:[-–+•]\s*)?(?:Căn cứ|Thực hiện|Thi hành)\s/u;
export const LEAD_END = /như\s+sau\s*:?\s*$/iu;

/** Signature authority: slash forms, and the dotted forms some offices write ("TM.", "KT.") normalised. */
export const AUTHORITY = /^(T\/M|K\/T|T\/L|TM\.?|KT\.?|TL\.?)\s+(.+)$/u;
export const RECIPIENTS_HEADING = /^Nơi\s+nhận\s*:?\s*/iu;
export const APPENDIX_LABEL = /^PHỤ\s+LỤC(?:\s+(?:\d+|[IVX]+))?\s*$/u;
export const APPENDIX_LINE = /^\(\s*Kèm\s+theo\b.*\)\s*$/su;

/** A recipient's purpose note at the end of its line. */
export const RECIPIENT_NOTE = /\s*(\((?:b\/c|đ\/b\/c|t\/h|p\/h|để\s+[^()]+)\))$/iu;

/** Sections whose numbered bodies are duty blocks. */
export const DUTY_SECTION = /tổ\s+chức\s+thực\s+hiện|phân\s+công|nhiệm\s+vụ\s+cụ\s+thể|trách\s+nhiệm/iu;

/** Closing sentences after the sections ("Trong quá trình …", "Kế hoạch này được phổ biến …"). */
export const CLOSING_SENTENCE = /^(?:Trong\s+quá\s+trình|Kế\s+hoạch\s+này|Nhận\s+được\s+[Kk]ế\s+hoạch|Quá\s+trình\s+thực\s+hiện)/u;

/**
 * What a web page puts around a text: breadcrumbs, view counters, timestamps, share buttons. Matched on whole lines.
 */
export const BOILERPLATE = [
  /^(?:Trang\s+chủ|Trang\s+nhất|Home)\b.*(?:>|»|›|\/)/iu,
  /^.{1,60}\s(?:>|»|›)\s.{1,60}$/u,
  /^(?:Lượt\s+xem|Số\s+lượt\s+xem|Lượt\s+đọc|Views?)\s*:?\s*[\d.,]+$/iu,
  /^(?:Cập\s+nhật|Ngày\s+đăng|Đăng\s+ngày|Đăng\s+lúc|Ngày\s+cập\s+nhật|Thời\s+gian\s+đăng)\b.*\d/iu,
  /^(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật)\s*,\s*\d{1,2}\/\d{1,2}\/\d{4}/iu,
  /^\d{1,2}\/\d{1,2}\/\d{4}\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:\(GMT\s*\+\s*7\)|SA|CH|AM|PM))?$/iu,
  /^\d{1,2}[:h]\d{2}(?:\s*(?:SA|CH|AM|PM))?\s*[-|,]?\s*\d{1,2}\/\d{1,2}\/\d{4}$/iu,
  /^(?:In\s+bài(?:\s+viết)?|In\s+trang|Bản\s+in|Chia\s+sẻ|Gửi\s+email|Gửi\s+bài|Lưu\s+bài|Bình\s+luận|Tải\s+về|Xem\s+thêm|Tin\s+liên\s+quan|Tin\s+khác|Các\s+tin\s+khác|Facebook|Zalo|Twitter|Email|Quay\s+lại|Về\s+đầu\s+trang|Cỡ\s+chữ)\b.{0,40}$/iu,
  /^(?:Tác\s+giả|Nguồn|Người\s+đăng|Biên\s+tập)\s*:.{0,80}$/iu,
  /^(?:©|Bản\s+quyền|Copyright)\b/iu,
  /^\d{1,3}\s*\/\s*\d{1,3}$/u,
];
export const isBoilerplate = (text: string): boolean => BOILERPLATE.some((re) => re.test(text.trim()));

/** Letters and nothing in lower case: a header line ("HUYỆN ỦY TAM ĐƯỜNG"). */
export const isUpperLine = (text: string): boolean => /\p{L}/u.test(text) && text === text.toUpperCase();

/** Words that open the name of a body in a header ("ĐẢNG BỘ …", "BAN …", "CHI BỘ …"): a new line of the issuer block. */
export const UNIT_START = /^(?:ĐẢNG\s+BỘ|ĐẢNG\s+(?:ỦY|UỶ)|BAN\s|TỈNH\s+(?:ỦY|UỶ)|THÀNH\s+(?:ỦY|UỶ)|HUYỆN\s+(?:ỦY|UỶ)|QUẬN\s+(?:ỦY|UỶ)|THỊ\s+(?:ỦY|UỶ)|CHI\s+BỘ|CHI\s+(?:ỦY|UỶ)|VĂN\s+PHÒNG|(?:ỦY|UỶ)\s+BAN|ĐẢNG\s+ĐOÀN|BAN\s+CÁN\s+SỰ)/u;

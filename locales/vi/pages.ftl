### Nội dung các trang web (tiếng Việt). Ngày tháng, tên thứ và tên tháng, thông báo lỗi
### (error-*) và thông báo ở từng trường của biểu mẫu (field-*) nằm trong main.ftl.

## Khung trang

site-name = Termín
site-tagline = Đặt lịch hẹn tại các Phòng cư trú ngoại kiều của Bộ Nội vụ
nav-skip = Chuyển đến nội dung chính
nav-main-label = Menu chính
nav-language-label = Ngôn ngữ
nav-offices = Các cơ sở
nav-book = Đặt lịch hẹn
nav-appointments = Lịch hẹn của tôi
nav-account = Tài khoản của tôi
nav-children = Con của tôi
nav-sign-in = Đăng nhập
nav-register = Tạo tài khoản
nav-sign-out = Đăng xuất
nav-back = Quay lại
footer-signed-in-as = Bạn đang đăng nhập với tên { $name }.
footer-about = Termín dùng để đặt lịch hẹn tại các cơ sở của Cục Tị nạn và Chính sách Nhập cư (OAMP) thuộc Bộ Nội vụ Cộng hòa Séc.
footer-phone = Bạn cũng có thể đặt lịch hẹn qua điện thoại theo số 974 801 801 (Thứ Hai đến Thứ Năm 8:00–16:00, Thứ Sáu 8:00–12:00).
footer-info-line = Đường dây thông tin chung: 974 832 418 hoặc 974 832 421, email pobyty@mvcr.cz. Đường dây này chỉ trả lời các câu hỏi chung bằng tiếng Séc.
footer-police = Việc đăng ký nơi cư trú sau khi đến Cộng hòa Séc do Cảnh sát ngoại kiều (cizinecká policie) giải quyết, không phải tại các cơ sở này.

## Ngôn ngữ, mỗi ngôn ngữ được ghi bằng chính ngôn ngữ đó

lang-name-cs = Čeština
lang-name-en = English
lang-name-uk = Українська
lang-name-ru = Русский
lang-name-vi = Tiếng Việt

## Trang chủ

page-home-title = Đặt lịch hẹn tại Phòng cư trú ngoại kiều
home-lead = Tại đây, bạn có thể đặt lịch hẹn đến một cơ sở của Bộ Nội vụ giải quyết việc cư trú của người nước ngoài.
home-what = Bạn sẽ chọn việc cần giải quyết, cơ sở, ngày và giờ. Bạn sẽ nhận được một mã PIN gồm 4 chữ số. Tại cơ sở, hãy nhập mã PIN này vào máy lấy số (kiosk).
home-start-booking = Bắt đầu đặt lịch hẹn
home-offices-title = Các cơ sở và giờ làm việc
home-offices-body = Địa chỉ, số điện thoại và giờ làm việc của tất cả các cơ sở, và những cơ sở nào lấy dấu vân tay và chụp ảnh để làm thẻ cư trú.
home-offices-link = Xem tất cả các cơ sở
home-account-title = Tài khoản của bạn
home-account-body = Bạn cần có tài khoản để đặt lịch hẹn. Mỗi địa chỉ email chỉ có thể có một tài khoản.
home-register-link = Tạo tài khoản
home-mine-title = Lịch hẹn của bạn
home-mine-body = Xem các lịch hẹn bạn đã đặt và mã PIN của từng lịch hẹn, hoặc hủy lịch hẹn.
home-rules-title = Quy định về lịch hẹn
home-help-title = Trợ giúp
home-help-centre = Trung tâm hội nhập cấp vùng có thể giúp bạn tạo tài khoản. Nếu có người giúp bạn, hãy ghi lại thông tin đăng nhập và cất giữ cẩn thận. Không đưa thông tin này cho người khác.
home-help-police = Chỉ làm giấy ủy quyền (plná moc) cho người mà bạn tin tưởng, và đừng trả tiền cho những việc bạn có thể tự làm.

## Quy định (các con số lấy từ phần cài đặt)

rule-one-account = Mỗi người cần có tài khoản riêng, được tạo bằng địa chỉ email và mật khẩu. Mỗi địa chỉ email chỉ có thể có một tài khoản.
rule-children = { $age ->
   *[other] Lịch hẹn cho trẻ em dưới { $age } tuổi do cha mẹ hoặc người đại diện hợp pháp đặt, bằng tài khoản của chính cha mẹ và đứng tên cha mẹ.
}
rule-pin = Mỗi lịch hẹn có một mã PIN gồm 4 chữ số. Hãy nhập mã này vào máy lấy số (kiosk) tại cơ sở.
rule-cancel-notice = { $hours ->
   *[other] Bạn có thể hủy lịch hẹn chậm nhất { $hours } giờ trước giờ hẹn.
}
rule-cancel-limit = { $count ->
   *[other] Trong { $days } ngày, bạn chỉ có thể hủy tối đa { $count } lịch hẹn.
}
rule-no-shows = Nếu bạn bỏ lỡ { $count } lịch hẹn trong vòng { $days } ngày mà không hủy trước, bạn sẽ không thể đặt lịch hẹn trong { $block } ngày tiếp theo.
rule-binding = Lịch hẹn đã đặt có giá trị ràng buộc và không thể chuyển cho người khác.

## Các cơ sở

page-offices-title = Các cơ sở
offices-intro = Các cơ sở của Bộ Nội vụ giải quyết việc cư trú của người nước ngoài, theo từng vùng.
offices-bio-explained = Các cơ sở có ghi “Lấy dấu vân tay và chụp ảnh” có thể lấy số liệu sinh trắc để làm thẻ cư trú.
offices-regions = Các vùng
offices-all = Tất cả các cơ sở
office-region = Vùng
office-regional = cơ sở cấp vùng
office-address = Địa chỉ
office-address-unconfirmed = Địa chỉ chưa được xác nhận
office-phone = Điện thoại
office-phone-unknown = Chưa công bố
office-bio = Số liệu sinh trắc
office-bio-yes = Lấy dấu vân tay và chụp ảnh (cơ sở BIO)
office-bio-no = Không lấy dấu vân tay và chụp ảnh
office-hours = Giờ làm việc
office-closed = Đóng cửa
office-break = nghỉ { $from }–{ $to }
office-friday-booked-only-short = Chỉ tiếp người có lịch hẹn
office-friday-booked-only = Vào Thứ Sáu, cơ sở chỉ tiếp những người đã đặt lịch hẹn hoặc được triệu tập.
office-no-hours = Giờ làm việc chưa được công bố, vì vậy không thể đặt lịch hẹn trực tuyến tại cơ sở này. Vui lòng gọi điện cho cơ sở hoặc đường dây thông tin.
office-permanent-residence-only = Cơ sở này chỉ giải quyết thủ tục định cư và các việc liên quan.
office-visit-types = Tại cơ sở này, bạn có thể đặt lịch hẹn cho các việc sau

## Tạo tài khoản, xác nhận địa chỉ email

page-register-title = Tạo tài khoản
register-intro-1 = Bạn cần có tài khoản để đặt lịch hẹn. Mỗi địa chỉ email chỉ có thể có một tài khoản.
register-intro-2 = { $age ->
   *[other] Nếu bạn đặt lịch hẹn cho trẻ em dưới { $age } tuổi, hãy đặt bằng tài khoản của chính bạn. Không tạo tài khoản cho trẻ.
}
register-have-account = Tôi đã có tài khoản: đăng nhập
form-email-label = Địa chỉ email
form-email-hint-register = Chúng tôi sẽ gửi một liên kết đến địa chỉ này để bạn xác nhận.
form-password-label = Mật khẩu
form-new-password-label = Mật khẩu mới
form-password-hint-new = Ít nhất { $min } ký tự. Bạn có thể ghép vài từ dễ nhớ lại với nhau.
form-full-name-label = Họ và tên
form-full-name-hint = Đúng như ghi trong hộ chiếu.
form-dob-label = Ngày sinh
form-dob-hint = Ví dụ: 27 3 1990
form-date-day = Ngày
form-date-month = Tháng
form-date-year = Năm
form-language-label = Ngôn ngữ của email
form-language-hint = Chúng tôi sẽ viết cho bạn bằng ngôn ngữ này.
form-register-submit = Tạo tài khoản
page-check-email-title = Hãy kiểm tra email của bạn
check-email-sent = { $hours ->
   *[other] Chúng tôi đã gửi cho bạn một email có liên kết. Liên kết có hiệu lực trong { $hours } giờ.
}
check-email-spam = Nếu không thấy email, hãy xem trong thư mục thư rác (spam).
check-email-then = Hãy mở liên kết để xác nhận địa chỉ email của bạn. Sau đó bạn có thể đặt lịch hẹn.
page-verify-title = Xác nhận địa chỉ email của bạn
verify-intro = Nhấn nút bên dưới để xác nhận rằng địa chỉ email này là của bạn.
form-verify-submit = Xác nhận địa chỉ email
page-verified-title = Đã xác nhận địa chỉ email
verified-body = Cảm ơn bạn. Bây giờ bạn có thể đặt lịch hẹn.
verified-sign-in = Đăng nhập và đặt lịch hẹn
page-verify-failed-title = Liên kết này không dùng được
verify-failed-body = { $hours ->
   *[other] Có thể liên kết đã được dùng rồi, hoặc đã quá { $hours } giờ kể từ khi được gửi.
}
verify-failed-help = Nếu bạn đã xác nhận địa chỉ email, hãy đăng nhập. Nếu chưa, hãy gọi đường dây thông tin để được giúp đỡ.

## Đăng nhập, quên mật khẩu

page-login-title = Đăng nhập
login-needed = Vui lòng đăng nhập để tiếp tục.
login-forgot = Tôi quên mật khẩu
login-no-account = Tôi chưa có tài khoản: tạo tài khoản
form-login-submit = Đăng nhập
form-error-email-empty = Nhập địa chỉ email của bạn
form-error-password-empty = Nhập mật khẩu của bạn
form-error-date-invalid = Nhập một ngày có thật: ngày, tháng và năm bằng chữ số, ví dụ 27 3 1990
page-forgot-title = Quên mật khẩu
forgot-intro = Nhập địa chỉ email của tài khoản. Chúng tôi sẽ gửi cho bạn một liên kết để chọn mật khẩu mới.
form-forgot-submit = Gửi liên kết
page-forgot-sent-title = Hãy kiểm tra email của bạn
forgot-sent-body = { $minutes ->
   *[other] Nếu có tài khoản dùng địa chỉ email này, chúng tôi đã gửi đến đó một liên kết để chọn mật khẩu mới. Liên kết có hiệu lực trong { $minutes } phút.
}
page-reset-title = Chọn mật khẩu mới
form-reset-submit = Lưu mật khẩu mới
page-reset-done-title = Mật khẩu của bạn đã được thay đổi
reset-done-body = Bây giờ bạn có thể đăng nhập bằng mật khẩu mới.
page-reset-invalid-title = Liên kết này không dùng được
reset-invalid-body = Có thể liên kết đã được dùng rồi hoặc đã hết hạn.
reset-invalid-again = Yêu cầu liên kết mới

## Biểu mẫu

form-continue = Tiếp tục
form-error-summary-title = Có lỗi cần sửa
form-error-prefix = Lỗi:
page-title-error-prefix = Lỗi:

## Đặt lịch hẹn

book-caption = Đặt lịch hẹn
book-step-of = Bước { $step }/{ $total }
page-book-sign-in-title = Đăng nhập để đặt lịch hẹn
book-sign-in-body = Để đặt lịch hẹn, bạn cần có tài khoản với địa chỉ email đã được xác nhận.
book-sign-in-children = { $age ->
   *[other] Cha mẹ đặt lịch hẹn cho trẻ em dưới { $age } tuổi bằng tài khoản của chính mình.
}
page-book-verify-title = Trước tiên, hãy xác nhận địa chỉ email của bạn
book-verify-body = Chúng tôi đã gửi một liên kết đến { $email }. Hãy mở liên kết đó để xác nhận địa chỉ email, rồi quay lại đây.
page-book-blocked-title = Hiện bạn không thể đặt lịch hẹn
book-blocked-why = Lý do là bạn đã bỏ lỡ các lịch hẹn mà không hủy. Bạn có thể xem chi tiết trong mục Tài khoản của tôi.
page-book-type-title = Bạn đặt lịch hẹn cho việc gì?
book-type-intro = Hãy chọn một việc. Nếu bạn cần giải quyết hai việc, hãy đặt hai lịch hẹn.
book-type-hint = Một số việc chỉ giải quyết được tại cơ sở lấy dấu vân tay và chụp ảnh. Chúng tôi chỉ hiển thị những cơ sở có thể giải quyết việc của bạn.
book-type-duration = { $minutes ->
   *[other] { $minutes } phút
}
book-type-needs-bio = cần cơ sở BIO
book-type-representative = người đại diện có thể đến thay bạn
book-error-choose-type = Hãy chọn việc cần giải quyết
page-book-office-title = Bạn muốn đến cơ sở nào?
book-office-hint = Chỉ liệt kê các cơ sở có thể đặt lịch hẹn trực tuyến cho việc này.
book-office-hint-bio = Chỉ liệt kê các cơ sở lấy dấu vân tay và chụp ảnh (cơ sở BIO) có thể đặt lịch hẹn trực tuyến.
book-office-others-title = Các cơ sở khác
book-office-others-body = Các cơ sở này không công bố giờ làm việc nên không thể đặt lịch hẹn trực tuyến. Vui lòng gọi điện cho cơ sở hoặc đường dây thông tin.
book-error-choose-office = Hãy chọn cơ sở
book-chosen-type = Việc: { $visit }
book-chosen-office = Cơ sở: { $office }
book-day-week = Tuần từ { $monday }
page-book-day-title = Bạn muốn đến vào ngày nào?
book-day-hint = Chỉ liệt kê những ngày còn chỗ trống.
book-day-places = { $count ->
   *[other] Còn { $count } chỗ trống, sớm nhất lúc { $first }
}
book-day-none = { $days ->
   *[other] Trong { $days } ngày tới, cơ sở này không còn chỗ trống nào.
}
book-choose-other-office = Chọn cơ sở khác
book-error-choose-day = Hãy chọn ngày
book-error-day-full = Ngày này đã hết chỗ trống. Hãy chọn ngày khác.
page-book-time-title = Bạn muốn đến lúc mấy giờ?
book-time-hint = Các giờ còn trống vào { $date }.
book-time-places = { $count ->
   *[other] Còn { $count } chỗ
}
book-time-none = Ngày này không còn giờ trống nào.
book-choose-other-day = Chọn ngày khác
book-choose-other-time = Chọn giờ khác
book-error-choose-time = Hãy chọn giờ
book-error-time-taken = Giờ này vừa có người đặt. Hãy chọn giờ khác.
page-book-person-title = Lịch hẹn dành cho ai?
book-person-hint = Lịch hẹn chỉ dành cho người này và không thể chuyển cho người khác.
book-person-self = { $name } (tôi)
book-person-child-hint = Trẻ em, sinh ngày { $born }
book-person-add-child = { $age ->
   *[other] Thêm trẻ em dưới { $age } tuổi
}
book-error-choose-person = Hãy chọn người đến hẹn
page-book-confirm-title = Kiểm tra lại lịch hẹn của bạn
book-summary-what = Việc
book-summary-where = Cơ sở
book-summary-when = Thời gian
book-summary-who = Người đến hẹn
book-change = Thay đổi
book-change-type-hidden = việc cần giải quyết
book-change-office-hidden = cơ sở
book-change-time-hidden = ngày và giờ
book-change-person-hidden = người đến hẹn
book-confirm-binding = Khi bạn xác nhận, lịch hẹn có giá trị ràng buộc và chỉ dành cho người này.
book-confirm-cancel = { $hours ->
   *[other] Nếu không thể đến, hãy hủy lịch hẹn chậm nhất { $hours } giờ trước giờ hẹn.
}
book-confirm-pin = Bạn sẽ nhận được mã PIN gồm 4 chữ số ở trang tiếp theo và qua email.
book-confirm-submit = Xác nhận đặt lịch hẹn

## Lịch hẹn

page-appointments-title = Lịch hẹn của tôi
page-appointment-title = Lịch hẹn của bạn
page-appointment-booked-title = Lịch hẹn của bạn đã được đặt
appt-booked-mail = Chúng tôi cũng đã gửi thông tin chi tiết đến địa chỉ email của bạn.
appt-pin-label = Mã PIN của bạn
appt-pin-help = Tại cơ sở, hãy nhập mã PIN này vào máy lấy số (kiosk). Bạn sẽ nhận được phiếu có số thứ tự và sẽ được gọi đến quầy.
appt-checkin-window = Máy nhận mã PIN từ { $from } đến { $to }.
appt-add-calendar = Thêm vào lịch
appt-next-title = Việc cần làm tiếp theo
appt-bring = Hãy mang theo hộ chiếu và giấy tờ cho hồ sơ của bạn, kèm bản dịch chính thức sang tiếng Séc.
appt-arrive = Hãy đến sớm một chút. Nếu bạn đến quá muộn, máy sẽ không nhận mã PIN và lịch hẹn sẽ mất hiệu lực.
appt-missed = Nếu không thể đến, hãy hủy lịch hẹn tại đây kịp thời để người khác có thể dùng.
appt-cancel = Hủy lịch hẹn
appt-status = Trạng thái
appt-status-booked = Đã đặt
appt-status-checked-in = Đã xác nhận có mặt
appt-status-called = Đã được gọi đến quầy
appt-status-served = Đã xong
appt-status-cancelled = Đã hủy
appt-status-no-show = Đã bỏ lỡ
appt-none = Bạn chưa có lịch hẹn nào.
appt-book-new = Đặt lịch hẹn
appt-upcoming = Sắp tới
appt-past = Đã qua và đã hủy
appt-cancelled-notice = Lịch hẹn của bạn vào { $date } lúc { $time } đã được hủy.
appt-cancellations-left = { $left ->
   *[other] Hiện bạn còn có thể hủy thêm { $left } lịch hẹn. Số lần hủy được tính trong { $days } ngày gần nhất.
}

## Tài khoản của tôi

page-account-title = Tài khoản của tôi
account-details-title = Thông tin của bạn
account-name = Họ tên
account-email = Địa chỉ email
account-email-confirmed = Đã xác nhận
account-email-not-confirmed = Chưa xác nhận: hãy mở liên kết chúng tôi đã gửi cho bạn.
account-dob = Ngày sinh
account-language = Ngôn ngữ của email
account-language-hint = Khi bạn chọn ngôn ngữ ở đầu bất kỳ trang nào, ngôn ngữ này cũng thay đổi theo.
account-standing-title = Bạn có thể đặt lịch hẹn không?
account-not-blocked = Có, bạn có thể đặt lịch hẹn.
account-blocked-until = Bạn không thể đặt lịch hẹn cho đến { $until }.
account-no-shows = { $days ->
   *[other] Lịch hẹn đã bỏ lỡ trong { $days } ngày gần nhất
}
account-no-shows-value = { $count }/{ $limit }
account-cancellations = { $days ->
   *[other] Số lần hủy trong { $days } ngày gần nhất
}
account-cancellations-value = { $count ->
   *[other] Đã hủy { $count } lần, còn { $left } lần
}

## Con của tôi

page-children-title = Con của tôi
children-older = { $age ->
   *[other] Trẻ từ { $age } tuổi trở lên cần có tài khoản riêng.
}
children-none = Bạn chưa thêm trẻ em nào.
children-born = sinh ngày { $date }
children-add-title = Thêm trẻ em
children-added = Đã thêm trẻ. Bây giờ bạn có thể đặt lịch hẹn cho trẻ.
children-back-to-booking = Quay lại đặt lịch hẹn
form-child-name-label = Họ và tên của trẻ
form-child-name-hint = Đúng như ghi trong hộ chiếu của trẻ.
form-child-dob-label = Ngày sinh của trẻ
form-child-submit = Thêm trẻ em

## Trang lỗi

page-error-404-title = Không tìm thấy trang
page-error-404-body = Chúng tôi không tìm thấy trang này.
page-error-404-hint = Nếu bạn tự gõ địa chỉ, hãy kiểm tra xem địa chỉ có đúng không. Nếu bạn dùng một liên kết, có thể trang đã bị xóa.
page-error-403-title = Bạn không thể làm việc này
page-error-403-body = Bạn không có quyền xem trang này hoặc thực hiện thao tác này.
page-error-csrf-title = Biểu mẫu này đã hết hạn
page-error-csrf-body = Vì lý do an toàn, chúng tôi không thể nhận biểu mẫu này. Hãy quay lại, tải lại trang và thử lại.
page-error-csrf-hint = Điều này có thể xảy ra khi trang được mở quá lâu, hoặc khi cookie bị tắt trong trình duyệt của bạn.
page-error-500-title = Xin lỗi, dịch vụ đang gặp sự cố
page-error-500-hint = Vui lòng thử lại sau vài phút.
page-error-other-title = Không thực hiện được
page-error-home-link = Về trang chủ

## Gửi lại email xác nhận

verify-resend-intro = Bạn không nhận được email, hoặc liên kết đã hết hạn?
verify-resend-submit = Gửi cho tôi liên kết xác nhận mới
page-verify-resent-title = Chúng tôi đã gửi cho bạn liên kết mới
verify-resent-body = { $hours ->
   *[other] Chúng tôi đã gửi liên kết xác nhận mới đến { $email }. Liên kết có hiệu lực trong { $hours } giờ.
}
verify-resend-back = Quay lại
verify-resend-not-needed = Địa chỉ email của bạn đã được xác nhận.
page-verify-resend-wait-title = Vui lòng đợi một lát

## Vận hành cơ sở: đăng ký máy lấy số hoặc màn hình gọi số

nav-floor = Vận hành cơ sở
page-kiosk-setup-title = Màn hình này chưa được cài đặt làm máy lấy số (kiosk)
kiosk-setup-body = Máy lấy số (kiosk) cho phép khách xác nhận có mặt bằng mã PIN của lịch hẹn. Trình duyệt này chưa được đăng ký làm máy lấy số của cơ sở nào, hoặc việc đăng ký đã bị thu hồi.
page-display-setup-title = Màn hình này chưa được cài đặt làm màn hình gọi số
display-setup-body = Màn hình gọi số hiển thị các số thứ tự được gọi đến quầy. Trình duyệt này chưa được đăng ký làm màn hình gọi số của cơ sở nào, hoặc việc đăng ký đã bị thu hồi.
device-setup-how = Nhân viên cơ sở có thể đăng ký màn hình này: trên trang Vận hành cơ sở, mở “Máy lấy số và màn hình gọi số”, đăng ký màn hình, rồi mở liên kết nhận được một lần trên chính màn hình này.
device-setup-staff = Nếu bạn là khách, vui lòng hỏi tại quầy thông tin.
page-device-invalid-title = Liên kết thiết bị này không dùng được
device-invalid-body = Có thể liên kết đã bị thu hồi, hoặc chưa được sao chép đầy đủ. Hãy đề nghị nhân viên tại cơ sở cấp liên kết mới.

## Vận hành cơ sở: máy lấy số (chữ lớn, ít chữ)

page-kiosk-title = Xác nhận có mặt bằng mã PIN
kiosk-pin-label = Nhập mã PIN của bạn
kiosk-pin-hint = Mã PIN gồm 4 chữ số có trong email xác nhận lịch hẹn và trong mục “Lịch hẹn của tôi”.
kiosk-ok = OK
kiosk-delete = Xóa
kiosk-error-empty = Trước tiên, hãy nhập 4 chữ số của mã PIN.
kiosk-no-appointment = Không có lịch hẹn?
kiosk-no-appointment-body = Một số việc ngắn được giải quyết mà không cần lịch hẹn.
kiosk-walk-in-link = Lấy số không có lịch hẹn
page-kiosk-walk-in-title = Lấy số không có lịch hẹn
kiosk-walk-in-intro = Hãy chọn việc bạn cần giải quyết.
kiosk-walk-in-none = Cơ sở này chỉ giải quyết mọi việc theo lịch hẹn.
kiosk-walk-in-others = Các việc khác đều cần lịch hẹn. Hãy đặt lịch hẹn trực tuyến hoặc qua điện thoại theo số 974 801 801.
kiosk-back-to-pin = Quay lại nhập mã PIN
page-kiosk-ticket-title = Số thứ tự của bạn
kiosk-ticket-label = Số của bạn
kiosk-ticket-ahead = { $count ->
    [0] Bạn là người tiếp theo.
   *[other] Trước bạn còn { $count } người.
}
kiosk-ticket-wait = Hãy ngồi chờ và theo dõi màn hình. Khi số của bạn được gọi, màn hình sẽ hiển thị quầy bạn cần đến.
kiosk-ticket-remember = Hãy nhớ số của bạn, hoặc chụp ảnh lại.
kiosk-done = Xong
kiosk-ticket-closing = { $seconds ->
   *[other] Màn hình này sẽ tự đóng sau { $seconds } giây.
}

## Vận hành cơ sở: màn hình gọi số trong phòng chờ

page-display-title = Các số đã gọi
display-title = Các số đã gọi
display-now = Đang gọi
display-number = Số
display-counter = Quầy
display-earlier = Đã gọi trước đó
display-empty = Hôm nay chưa có số nào được gọi.
display-sound-on = Bật âm thanh
display-sound-off = Tắt âm thanh

## Vận hành cơ sở: màn hình làm việc của nhân viên

page-floor-offices-title = Vận hành cơ sở
floor-offices-intro = Hãy chọn cơ sở nơi bạn làm việc hôm nay.
floor-offices-none = Bạn chưa được phân công vào cơ sở nào. Hãy đề nghị quản trị viên thêm bạn vào một cơ sở.
page-floor-title = { $office }: vận hành cơ sở
floor-caption = Vận hành cơ sở
floor-counter-title = Quầy của bạn
floor-counter-none = Hãy chọn quầy của bạn trước khi gọi khách.
floor-counter-current = Bạn đang làm việc tại quầy { $counter }.
floor-counter-label = Quầy
floor-counter-hint = Đúng như ghi trên biển tại cơ sở, ví dụ 3. Trình duyệt này sẽ ghi nhớ quầy.
floor-counter-submit = Lưu quầy
floor-call-title = Khách tiếp theo
floor-call-next = Gọi số tiếp theo
floor-call-hint = Khách tiếp theo trong hàng chờ sẽ hiện trên màn hình gọi số cùng với quầy { $counter }.
floor-error-no-counter = Hãy chọn quầy của bạn trước.
floor-called-title = Đang ở quầy
floor-called-none = Hiện không có ai được gọi đến quầy.
floor-mine = quầy của tôi
floor-col-ticket = Số
floor-col-counter = Quầy
floor-col-person = Khách
floor-col-since = Gọi lúc
floor-col-actions = Thao tác
floor-col-place = Thứ tự
floor-col-visit = Việc
floor-col-booked = Lịch hẹn
floor-col-arrived = Đến lúc
floor-col-time = Giờ
floor-col-name = Họ tên
floor-col-born = Ngày sinh
floor-col-status = Trạng thái
floor-born = sinh ngày { $date }
floor-walk-in = Không có lịch hẹn
floor-booked-at = hẹn lúc { $time }
floor-act-serve = Đã xong
floor-act-recall = Gọi lại
floor-act-send-back = Trả về hàng chờ
floor-act-no-show = Không đến
floor-act-transfer = Chuyển
floor-transfer-label = Sang quầy
floor-waiting-title = Trong hàng chờ ({ $count })
floor-waiting-none = Không có ai đang chờ.
floor-stats-title = Hôm nay đến giờ
floor-stat-checked-in = Đã xác nhận có mặt
floor-stat-waiting = Đang chờ
floor-stat-served = Đã phục vụ
floor-stat-wait = Thời gian chờ trung bình
floor-stat-service = Thời gian phục vụ trung bình
floor-stat-no-shows = Không đến
floor-stat-none = chưa xác định được
floor-minutes = { $minutes } phút
floor-agenda-title = Lịch hẹn hôm nay
floor-agenda-intro = Hãy kiểm tra danh tính của khách theo họ tên và ngày sinh: lịch hẹn không thể chuyển cho người khác.
floor-agenda-none = Hôm nay không có lịch hẹn nào.
floor-devices-link = Máy lấy số và màn hình gọi số của cơ sở này
floor-done-called = Số { $ticket } đã được gọi đến quầy { $counter }.
floor-done-nobody = Không có ai đang chờ.
floor-done-counter = Đã lưu quầy: { $counter }.
floor-done-recall = Số { $ticket } đã được gọi lại đến quầy { $counter }.
floor-done-serve = Số { $ticket } đã xong.
floor-done-no-show = Số { $ticket } đã được ghi nhận là không đến.
floor-done-send-back = Số { $ticket } đã được trả về hàng chờ.
floor-done-transfer = Số { $ticket } đã được chuyển sang quầy { $counter }.

## Vận hành cơ sở: máy lấy số và màn hình gọi số

page-floor-devices-title = { $office }: máy lấy số và màn hình gọi số
floor-devices-heading = Máy lấy số và màn hình gọi số
floor-devices-intro = Máy lấy số (kiosk) cho phép khách xác nhận có mặt bằng mã PIN và lấy số thứ tự. Màn hình gọi số hiển thị các số đã gọi trong phòng chờ. Mỗi màn hình chỉ cần đăng ký một lần; sau đó màn hình sẽ tự ghi nhớ.
floor-device-new-title = Đăng ký màn hình
floor-device-name-label = Tên
floor-device-name-hint = Để bạn nhận ra trong danh sách, ví dụ “Kiosk ở lối vào”.
floor-device-kind-label = Loại
floor-device-kind-kiosk = Máy lấy số (kiosk, nhập mã PIN)
floor-device-kind-display = Màn hình gọi số
floor-device-submit = Đăng ký
floor-device-created = Đã đăng ký “{ $name }”
floor-device-open-kiosk = Hãy mở liên kết này một lần trong trình duyệt của máy lấy số. Máy sẽ tự ghi nhớ và hiển thị bàn phím nhập mã PIN.
floor-device-open-display = Hãy mở liên kết này một lần trong trình duyệt của màn hình gọi số. Màn hình sẽ tự ghi nhớ và hiển thị các số đã gọi.
floor-device-once = Liên kết này chỉ hiển thị một lần, ngay bây giờ.
floor-device-secret = Bất kỳ ai có liên kết này đều có thể hoạt động như màn hình này tại cơ sở, vì vậy đừng gửi liên kết qua email hay tin nhắn chat. Nếu bị mất liên kết, hãy thu hồi màn hình và đăng ký lại.
floor-devices-list-title = Các màn hình đã đăng ký
floor-devices-none = Chưa có màn hình nào được đăng ký.
floor-device-col-created = Đăng ký lúc
floor-device-active = Đang dùng
floor-device-revoke = Thu hồi
floor-device-revoked-tag = Đã thu hồi
floor-device-revoked = Màn hình đã bị thu hồi. Liên kết và thông tin đăng ký đã lưu của màn hình không còn dùng được nữa.

## Danh sách chờ

nav-waitlist = Danh sách chờ
book-waitlist-join = Đăng ký vào danh sách chờ cho việc này
book-waitlist-other-days = Không có ngày nào phù hợp? Hãy đăng ký vào danh sách chờ
page-waitlist-title = Danh sách chờ
waitlist-intro-order = Khi có người hủy lịch hẹn, chỗ trống sẽ được dành cho người đầu tiên trong danh sách chờ có cơ sở, ngày và buổi phù hợp. Các yêu cầu được xét theo thứ tự đăng ký.
waitlist-intro-hold = { $hours ->
   *[other] Khi có chỗ dành cho bạn, chúng tôi sẽ gửi email cho bạn. Chỗ được giữ cho bạn tối đa { $hours } giờ, hoặc ít hơn nếu lịch hẹn sắp đến.
}
waitlist-intro-answer = Nếu bạn từ chối chỗ được đề nghị, bạn vẫn giữ nguyên thứ tự của mình. Nếu bạn không trả lời kịp thời, chỗ sẽ được chuyển cho người tiếp theo và yêu cầu của bạn sẽ bị đóng.
waitlist-new = Đăng ký vào danh sách chờ
waitlist-none = Bạn chưa có trong danh sách chờ.
waitlist-open = Đang chờ
waitlist-closed = Các yêu cầu trước đây
waitlist-status-waiting = Đang chờ
waitlist-status-offered = Có chỗ được đề nghị
waitlist-status-booked = Đã đặt
waitlist-status-withdrawn = Đã rút
waitlist-status-expired = Đã đóng
waitlist-summary-offices = Cơ sở
waitlist-summary-days = Ngày
waitlist-summary-times = Buổi
waitlist-summary-position = Thứ tự chờ
waitlist-summary-filed = Ngày đăng ký
waitlist-position-hint = Tính trong số tất cả những người đang chờ cho việc này. Chỗ trống được dành cho người đầu tiên phù hợp, nên lượt của bạn có thể đến sớm hơn hoặc muộn hơn con số này.
waitlist-days-range = từ { $from } đến { $to }
waitlist-time-morning = Buổi sáng
waitlist-time-morning-hint = Lịch hẹn bắt đầu trước 12:00
waitlist-time-afternoon = Buổi chiều
waitlist-time-afternoon-hint = Lịch hẹn bắt đầu từ 12:00 trở đi
waitlist-offer-title = Có một chỗ đang được giữ cho bạn
waitlist-offer-until = Được giữ cho bạn đến
waitlist-offer-how = Nếu bạn nhận, lịch hẹn sẽ được đặt cho bạn và bạn sẽ nhận được mã PIN. Nếu bạn từ chối, chỗ sẽ được chuyển cho người tiếp theo và bạn vẫn giữ nguyên thứ tự của mình.
waitlist-accept = Nhận chỗ này
waitlist-decline = Từ chối
waitlist-withdraw = Rút khỏi danh sách chờ
waitlist-see-appointment = Xem lịch hẹn và mã PIN
waitlist-offer-lapsed-note = Chỗ được đề nghị vào { $when } không được nhận kịp thời, nên đã được chuyển cho người tiếp theo.
waitlist-offer-declined-note = Bạn đã từ chối chỗ được đề nghị vào { $when }. Bạn vẫn giữ nguyên thứ tự của mình.
waitlist-filed-notice = Bạn đã có trong danh sách chờ cho việc: { $visit }. Thứ tự chờ của bạn: { $position }.
waitlist-withdrawn-notice = Bạn đã rút khỏi danh sách chờ cho việc này.
waitlist-declined-notice = Bạn đã từ chối chỗ này. Chỗ sẽ được chuyển cho người tiếp theo, và bạn vẫn giữ nguyên thứ tự của mình.
waitlist-caption = Đăng ký vào danh sách chờ
page-waitlist-type-title = Bạn cần lịch hẹn cho việc gì?
waitlist-type-hint = Hãy chọn một việc. Bạn có thể chờ cho nhiều việc khác nhau, mỗi việc một yêu cầu.
page-waitlist-new-title = Bạn có thể đến đâu và khi nào?
waitlist-offices-legend = Bạn có thể đến những cơ sở nào?
waitlist-offices-hint = { $count ->
   *[other] Chọn tối đa { $count } cơ sở. Bạn chọn càng nhiều, càng có thể sớm có chỗ.
}
waitlist-days-legend = Bạn có thể đến vào những ngày nào?
waitlist-days-hint = Bạn có thể chọn các ngày từ { $first } đến { $last }.
waitlist-from-label = Ngày đầu tiên
waitlist-to-label = Ngày cuối cùng
waitlist-times-legend = Buổi nào phù hợp với bạn?
waitlist-times-hint = Chọn một hoặc cả hai.
waitlist-person-legend = Lịch hẹn dành cho ai?
waitlist-submit = Đăng ký vào danh sách chờ
waitlist-error-from-empty = Hãy nhập ngày đầu tiên bạn có thể đến
waitlist-error-to-empty = Hãy nhập ngày cuối cùng bạn có thể đến

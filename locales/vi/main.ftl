# Termín — các thông điệp chính: lỗi, lỗi ở từng trường, ngày tháng, ngày lễ, loại việc, email, lịch.
# Nội dung các trang nằm trong pages.ftl.

## Lỗi (phần `detail` của lỗi API và thông báo trên các trang)
error-bad-request = Không đọc được yêu cầu. Vui lòng kiểm tra xem yêu cầu có phải là JSON hợp lệ không.
error-payload-too-large = Yêu cầu quá lớn (giới hạn là 1 MiB).
error-not-found = Chúng tôi không tìm thấy nội dung bạn yêu cầu.
error-unauthenticated = Vui lòng đăng nhập trước.
error-forbidden = Bạn không có quyền thực hiện thao tác này.
error-email-taken = Đã có tài khoản với địa chỉ email này. Hãy đăng nhập, hoặc đặt lại mật khẩu nếu bạn đã quên.
error-invalid-email = Đây không phải là địa chỉ email hợp lệ.
error-weak-password = Mật khẩu này quá yếu. Hãy dùng ít nhất 10 ký tự khó đoán.
error-invalid-input = Một số thông tin còn thiếu hoặc không hợp lệ. Vui lòng kiểm tra lại.
error-invalid-token = Liên kết này không hợp lệ hoặc đã hết hạn. Vui lòng yêu cầu liên kết mới.
error-invalid-credentials = Địa chỉ email hoặc mật khẩu không đúng.
error-too-many-attempts = Bạn đã thử quá nhiều lần. Vui lòng thử lại sau { $minutes } phút.
error-not-a-child = Chỉ có thể thêm trẻ em dưới 15 tuổi vào tài khoản của bạn. Người từ 15 tuổi trở lên cần có tài khoản riêng.
error-email-not-verified = Vui lòng xác nhận địa chỉ email của bạn trước. Chúng tôi đã gửi cho bạn một liên kết khi bạn đăng ký.
error-booking-blocked = Bạn đã không đến { $count } lịch hẹn trong vòng { $days } ngày, vì vậy bạn không thể đặt lịch hẹn cho đến { $until }.
error-no-such-slot = Không có giờ hẹn nào vào thời điểm này. Vui lòng chọn một trong các giờ được đưa ra.
error-slot-full = Người khác vừa lấy chỗ trống cuối cùng vào giờ này. Vui lòng chọn giờ khác.
error-already-booked = Người này đã có một lịch hẹn cho loại việc này. Nếu cần giờ khác, hãy hủy lịch hẹn đó trước.
error-visit-type-not-offered = Cơ sở này không giải quyết loại việc này. Vui lòng chọn cơ sở khác.
error-slot-in-past = Giờ này đã qua. Vui lòng chọn giờ muộn hơn.
error-not-your-person = Người này không thuộc tài khoản của bạn.
error-range-too-long = Vui lòng chỉ chọn tối đa 62 ngày mỗi lần.
error-cancellation-too-late = Chỉ có thể hủy lịch hẹn chậm nhất { $hours } giờ trước giờ hẹn. Vui lòng gọi điện cho cơ sở.
error-cancellation-limit-reached = Bạn đã hủy { $count } lịch hẹn trong vòng { $days } ngày. Bạn có thể hủy tiếp từ { $retry }.
error-not-cancellable = Lịch hẹn này không thể hủy được nữa.
error-clock-backwards = Đồng hồ thử nghiệm chỉ chạy về phía trước.
error-unavailable = Dịch vụ tạm thời không hoạt động. Vui lòng thử lại sau vài phút.
error-internal = Đã xảy ra lỗi từ phía chúng tôi. Vui lòng thử lại; nếu lỗi vẫn lặp lại, hãy liên hệ với cơ sở.

## Tại cơ sở (máy lấy số, quầy)
error-unknown-pin = Hôm nay tại cơ sở này không có lịch hẹn nào với mã PIN này. Vui lòng kiểm tra mã PIN trong email xác nhận của bạn.
error-too-early = Còn quá sớm để xác nhận có mặt. Vui lòng quay lại lúc { $time }.
error-too-late = Đã hết thời gian xác nhận có mặt cho lịch hẹn này ({ $minutes } phút sau giờ hẹn). Vui lòng hỏi tại quầy thông tin.
error-already-checked-in = Lịch hẹn này đã được xác nhận có mặt. Vui lòng chờ đến khi số thứ tự của bạn được gọi.
error-invalid-transition = Phiếu số thứ tự này không thể chuyển sang trạng thái đó từ trạng thái hiện tại.
error-walk-in-not-accepted = Loại việc này cần có lịch hẹn đặt trước.
error-walk-in-closed = Hiện không phát số thứ tự cho người không có lịch hẹn (cơ sở đang đóng cửa hoặc giờ làm việc này chỉ dành cho người đã đặt lịch hẹn).

## Lỗi ở từng trường
field-email-invalid = Nhập địa chỉ email theo dạng name@example.com.
field-password-too-short = Mật khẩu phải có ít nhất 10 ký tự.
field-password-too-long = Mật khẩu chỉ được có tối đa 128 ký tự.
field-password-too-common = Mật khẩu này quá phổ biến. Hãy chọn mật khẩu khó đoán.
field-password-contains-email = Mật khẩu không được chứa địa chỉ email của bạn.
field-name-invalid = Nhập đầy đủ họ tên như trong hộ chiếu (tối đa 200 ký tự).
field-date-invalid = Nhập ngày theo dạng năm-tháng-ngày, ví dụ 1990-05-31.
field-date-in-future = Ngày sinh không thể là một ngày trong tương lai.
field-date-too-old = Vui lòng kiểm tra lại năm sinh.
field-language-invalid = Hãy chọn một trong các ngôn ngữ được đưa ra.
field-not-a-child = Tính đến hôm nay, trẻ phải dưới 15 tuổi. Người từ 15 tuổi trở lên cần có tài khoản riêng.
field-range-reversed = Ngày cuối không được sớm hơn ngày đầu.
field-required = Thông tin này là bắt buộc.
field-body-invalid = Một số trường bị thiếu hoặc có kiểu dữ liệu không đúng.
field-instant-invalid = Nhập thời gian theo dạng RFC 3339, ví dụ 2026-12-01T08:30:00+01:00.
field-year-invalid = Nhập năm trong khoảng từ 1900 đến 2200.

## Ngày tháng (giờ Praha, Europe/Prague)
date-long = { $weekday }, ngày { $day } tháng { $month } năm { $year }
date-short = { $day }/{ $month }/{ $year }
date-time = { $date } lúc { $time }
weekday-1 = Thứ Hai
weekday-2 = Thứ Ba
weekday-3 = Thứ Tư
weekday-4 = Thứ Năm
weekday-5 = Thứ Sáu
weekday-6 = Thứ Bảy
weekday-7 = Chủ Nhật
month-genitive-1 = 1
month-genitive-2 = 2
month-genitive-3 = 3
month-genitive-4 = 4
month-genitive-5 = 5
month-genitive-6 = 6
month-genitive-7 = 7
month-genitive-8 = 8
month-genitive-9 = 9
month-genitive-10 = 10
month-genitive-11 = 11
month-genitive-12 = 12

## Ngày lễ của Cộng hòa Séc (domain.md §5)
holiday-new-year = Tết Dương lịch; Ngày khôi phục Nhà nước Séc độc lập
holiday-good-friday = Thứ Sáu Tuần Thánh
holiday-easter-monday = Thứ Hai Phục Sinh
holiday-labour-day = Ngày Quốc tế Lao động
holiday-liberation-day = Ngày Giải phóng
holiday-cyril-methodius = Ngày Thánh Cyril và Methodius
holiday-jan-hus = Ngày tưởng niệm Jan Hus
holiday-statehood-day = Ngày Nhà nước Séc
holiday-independence-day = Ngày thành lập Nhà nước Tiệp Khắc độc lập
holiday-freedom-day = Ngày Đấu tranh vì Tự do và Dân chủ
holiday-christmas-eve = Đêm Giáng sinh
holiday-christmas-day = Lễ Giáng sinh
holiday-st-stephen = Lễ Thánh Stêphanô

## Loại việc (tên chính thức bằng tiếng Séc được hiển thị bên cạnh)
visit-type-long-term-residence = Giấy phép cư trú dài hạn – nộp đơn lần đầu
visit-type-long-term-residence-extension = Gia hạn giấy phép cư trú dài hạn
visit-type-purpose-change = Thay đổi mục đích cư trú
visit-type-permanent-residence = Giấy phép định cư – nộp đơn
visit-type-biometrics = Lấy số liệu sinh trắc
visit-type-card-pickup = Nhận thẻ cư trú
visit-type-long-term-visa-extension = Gia hạn thị thực dài hạn
visit-type-change-report = Thông báo thay đổi (địa chỉ, họ tên, tình trạng hôn nhân, hộ chiếu, thông tin trong thẻ cư trú)
visit-type-lost-document = Thông báo mất hoặc bị lấy cắp hộ chiếu hay thẻ cư trú
visit-type-child-born = Cư trú cho trẻ em sinh ra tại Cộng hòa Séc
visit-type-residence-confirmation = Xác nhận cư trú
visit-type-eu-residence = Tạm trú của công dân EU; thẻ cư trú cho thành viên gia đình của công dân EU
visit-type-czech-exam-voucher = Phiếu dự thi tiếng Séc miễn phí để xin định cư
visit-type-integration-course = Khóa học Thích nghi – Hội nhập – đăng ký

## Email
mail-verify-subject = Xác nhận địa chỉ email của bạn cho Termín
mail-verify-body =
    Xin chào { $name },

    Cảm ơn bạn đã tạo tài khoản để đặt lịch hẹn tại các Phòng cư trú ngoại kiều (oddělení pobytu cizinců) của Bộ Nội vụ (OAMP).

    Vui lòng xác nhận địa chỉ email của bạn bằng cách mở liên kết sau:
    { $link }

    Liên kết chỉ dùng được một lần và hết hạn sau 3 ngày. Nếu bạn không tạo tài khoản này, bạn có thể bỏ qua email này.

    Termín
mail-reset-subject = Đặt mật khẩu mới cho Termín
mail-reset-body =
    Xin chào { $name },

    Có người (chúng tôi mong đó là bạn) đã yêu cầu đặt mật khẩu mới cho tài khoản của bạn.

    Mở liên kết sau để chọn mật khẩu mới:
    { $link }

    Liên kết chỉ dùng được một lần và hết hạn sau 60 phút. Nếu bạn không yêu cầu, hãy bỏ qua email này: mật khẩu của bạn vẫn giữ nguyên.

    Termín
mail-booked-subject = Lịch hẹn của bạn: { $when }
mail-booked-body =
    Lịch hẹn của bạn đã được đặt.

    Người đến hẹn: { $person }
    Việc: { $visit }
    Địa điểm: { $office }, { $address }
    Thời gian: { $when }

    Mã PIN của bạn: { $pin }

    Tại cơ sở, hãy nhập mã PIN này vào máy lấy số (kiosk) và chờ đến khi số thứ tự của bạn được gọi. Hãy mang theo hộ chiếu và tất cả giấy tờ cho hồ sơ của bạn.

    Lịch hẹn chỉ dành cho người này và không thể chuyển cho người khác. Nếu bạn không thể đến, hãy hủy lịch hẹn chậm nhất 24 giờ trước giờ hẹn: { $link }
    Nếu bỏ lỡ ba lịch hẹn trong vòng 180 ngày, bạn sẽ bị khóa chức năng đặt lịch hẹn trong 180 ngày.

    Tệp lịch đính kèm sẽ thêm lịch hẹn này vào lịch của bạn.

    Termín
mail-cancelled-subject = Lịch hẹn của bạn đã được hủy
mail-cancelled-body =
    Lịch hẹn của bạn đã được hủy.

    Việc: { $visit }
    Địa điểm: { $office }
    Thời gian: { $when }

    Tệp lịch đính kèm sẽ xóa lịch hẹn này khỏi lịch của bạn.

    Termín

## Mục lịch
ics-summary = { $visit } – { $office }
ics-description = Mã PIN cho máy lấy số (kiosk): { $pin }. Hãy mang theo hộ chiếu và giấy tờ. Nếu không thể đến, hãy hủy lịch hẹn chậm nhất 24 giờ trước giờ hẹn.
field-counter-invalid = Nhập tên quầy đúng như ghi trên biển, tối đa 20 ký tự.
field-device-name-invalid = Đặt tên cho thiết bị, tối đa 80 ký tự, ví dụ “Kiosk ở lối vào”.
field-device-kind-invalid = Chọn “kiosk” hoặc “display”.
field-too-many-stays = Vui lòng chỉ liệt kê tối đa 500 lần lưu trú.
field-idempotency-key = Header Idempotency-Key phải có từ 1 đến 255 ký tự hiển thị được.
error-idempotency-key-reused = Idempotency-Key này đã được dùng cho một lượt đặt lịch hẹn khác.
error-pickup-at-other-office = Bạn chỉ có thể nhận thẻ cư trú tại cơ sở nơi đã lấy số liệu sinh trắc của bạn. Vui lòng chọn cơ sở đó.

## Danh sách chờ
error-already-waiting = Người này đã có trong danh sách chờ cho việc này. Muốn chọn văn phòng hoặc ngày khác, hãy rút yêu cầu đó trước.
error-request-not-open = Yêu cầu này trong danh sách chờ đã đóng.
error-offer-not-open = Đề nghị này đã được trả lời.
error-offer-lapsed = Đã hết thời hạn trả lời đề nghị này, và chỗ đã được dành cho người tiếp theo trong danh sách chờ.
field-waitlist-offices = Hãy chọn ít nhất một cơ sở, nhưng không nhiều hơn số lượng cho phép đối với một yêu cầu.
field-waitlist-times = Hãy chọn buổi sáng, buổi chiều hoặc cả hai.
field-waitlist-range-over = Những ngày này đã qua. Hãy chọn các ngày từ hôm nay trở đi.
field-waitlist-beyond-horizon = Hiện chưa thể đặt lịch hẹn xa đến vậy. Hãy chọn ngày đầu tiên sớm hơn.
mail-offer-subject = Có chỗ dành cho bạn: { $when }
mail-offer-body =
    Một chỗ mà bạn đang chờ vừa trống và hiện đang được giữ cho bạn.

    Người đến hẹn: { $person }
    Việc: { $visit }
    Địa điểm: { $office }, { $address }
    Thời gian: { $when }

    Chỗ này được giữ cho bạn đến { $until }. Bạn có thể nhận hoặc từ chối tại đây: { $link }
    Nếu bạn không trả lời trước thời điểm đó, chỗ sẽ được chuyển cho người tiếp theo trong danh sách chờ và yêu cầu của bạn sẽ bị đóng.

    Termín
mail-offer-lapsed-subject = Chỗ được đề nghị đã chuyển cho người tiếp theo
mail-offer-lapsed-body =
    Chỗ được đề nghị cho bạn không được nhận kịp thời, nên đã được chuyển cho người tiếp theo trong danh sách chờ.

    Người đến hẹn: { $person }
    Việc: { $visit }
    Địa điểm: { $office }
    Thời gian: { $when }

    Yêu cầu của bạn trong danh sách chờ đã đóng. Bạn có thể gửi yêu cầu mới bất cứ lúc nào: { $link }

    Termín

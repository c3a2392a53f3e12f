### Văn bản của các trang hướng dẫn (tiếng Việt): "Tôi cần làm gì?", công cụ tính ngày
### Schengen 90/180 và danh sách giấy tờ. Bản thân các thông tin (sự kiện, nghĩa vụ, quy
### định, giấy tờ, lệ phí, lỗi, lưu ý) nằm trong guidance.ftl.

## Thanh điều hướng và trang chủ
guide-nav = Hướng dẫn
guide-home-title = Tôi cần làm gì?
guide-home-body = Hãy cho chúng tôi biết điều gì đã xảy ra, ví dụ bạn vừa đến Séc, giấy phép cư trú của bạn sắp hết hạn hoặc bạn vừa được lấy dấu vân tay. Chúng tôi sẽ cho bạn biết cần làm gì, trước ngày nào, tại cơ quan nào và cần mang theo gì.
guide-home-start = Xem tôi cần làm gì
guide-home-schengen = Tính số ngày ở khu vực Schengen (90/180)
guide-home-checklist = Cần mang gì đến cơ sở và lệ phí bao nhiêu

## Khung của mọi trang hướng dẫn
guide-caption = Tôi cần làm gì?
guide-notice-title = Về thông tin này
guide-sources-title = Thông tin này lấy từ đâu
guide-source-s0 = Tờ thông tin về hệ thống đặt lịch hẹn của OAMP (tiếng Anh), không ghi ngày
guide-source-s1 = Hướng dẫn về giấy phép cư trú (tiếng Ukraina), không ghi ngày
guide-source-s2 = Cơ quan nào giải quyết việc gì, và thẻ cư trú có số liệu sinh trắc (tiếng Việt), không ghi ngày; mô tả các thẻ được cấp từ tháng 5 năm 2011
guide-source-s3 = Tờ thông tin “Số liệu sinh trắc trong thẻ cư trú” (tiếng Séc), tháng 4 năm 2011
guide-source-s4 = Hướng dẫn dành cho công dân nước thứ ba (tiếng Nga), không ghi ngày
guide-links-title = Trợ giúp khác
guide-link-deadlines = Tôi cần làm gì khi có việc xảy ra?
guide-link-schengen = Công cụ tính ngày Schengen 90/180
guide-link-checklist = Cần mang theo gì và lệ phí bao nhiêu

## Câu hỏi 1: điều gì đã xảy ra
guide-event-title = Điều gì đã xảy ra?
guide-event-hint = Hãy chọn trường hợp phù hợp nhất. Nếu có nhiều việc xảy ra, hãy lần lượt kiểm tra từng việc.
guide-error-choose-event = Hãy chọn điều đã xảy ra

## Câu hỏi 2: ngày tháng
guide-date-hint = Ví dụ 27 3 2026
guide-stay-legend = Bạn đang cư trú theo diện nào?
guide-collect-legend = Thị thực của bạn
guide-collect-label = Tôi được cấp thị thực dài hạn để sang đây nhận giấy phép cư trú
guide-collect-hint = Đại sứ quán hoặc lãnh sự quán Séc đã cho bạn biết điều này khi cấp thị thực.
guide-show-result = Xem tôi cần làm gì
guide-error-date-empty = Hãy nhập ngày
guide-error-date-invalid = Hãy nhập một ngày có thật: ngày, tháng và năm bằng số, ví dụ 27 3 2026

## Kết quả
guide-result-title = Những việc bạn cần làm
guide-result-answer = Bạn đã cho biết: { $event } – { $date }.
guide-result-change = Thay đổi câu trả lời
guide-result-other = Kiểm tra một việc khác đã xảy ra
guide-result-count = Bạn cần làm { $count } việc, theo thứ tự hạn chót.
guide-today = Hôm nay là { $date }.
guide-authority-label = Cơ quan
guide-authority-oamp-note = Giấy tờ cho bước này nộp cho Bộ Nội vụ (OAMP), không phải cho Cảnh sát ngoại kiều.
guide-authority-police-note = Bước này thuộc về cảnh sát, không phải cơ sở OAMP. Không thể đặt lịch hẹn cho bước này ở đây.
guide-earliest-label = Sớm nhất
guide-deadline-label = Ngày cuối cùng
guide-rule-label = Cách tính thời hạn
guide-representative-label = Người khác có thể làm thay bạn không?
guide-representative-yes = Có, người đại diện có giấy ủy quyền bằng văn bản của bạn có thể làm thay bạn.
guide-representative-no = Không, bạn phải đích thân làm.
guide-office-label = Cơ sở nào
guide-office-bio = Chỉ cơ sở lấy dấu vân tay và chụp ảnh (có ký hiệu BIO).
guide-fee-label = Lệ phí
guide-note-label = Lưu ý
guide-countdown-future = còn { $days } ngày
guide-countdown-today = hôm nay
guide-countdown-past = { $days } ngày trước – đã quá hạn
guide-opens-future = có thể làm sau { $days } ngày nữa
guide-opens-now = đã có thể làm
guide-add-calendar = Thêm vào lịch
guide-book = Đặt lịch hẹn cho việc này
guide-what-to-bring = Cần mang theo gì

## Tệp lịch cho một thời hạn
guide-ics-summary = Ngày cuối cùng: { $action }
guide-ics-earliest = Bạn có thể làm việc này từ ngày { $date }.
guide-ics-reminder = Ngày mai là ngày cuối cùng: { $action }

## Lệ phí
guide-fee-with-child = { $amount } (trẻ em dưới 15 tuổi: { $child })
guide-fee-line = { $act }: { $amount }

## Công cụ tính ngày Schengen 90/180
guide-schengen-title = Công cụ tính ngày Schengen 90/180
guide-schengen-intro = Ở khu vực Schengen, bạn được ở tối đa 90 ngày trong bất kỳ khoảng thời gian 180 ngày nào. Mỗi ngày bạn có mặt ở đó đều được tính, kể cả ngày nhập cảnh và ngày xuất cảnh.
guide-schengen-stays-legend = Các lần bạn ở khu vực Schengen
guide-schengen-stays-hint = Mỗi lần lưu trú một dòng: ngày nhập cảnh và ngày xuất cảnh. Để trống các dòng còn lại.
guide-schengen-stay = Lần lưu trú { $n }
guide-schengen-entry = Nhập cảnh
guide-schengen-exit = Xuất cảnh
guide-schengen-more = Thêm dòng
guide-schengen-on = Tính đến ngày
guide-schengen-on-hint = Nếu để trống, chúng tôi tính đến hôm nay, hoặc đến ngày nhập cảnh dự kiến nếu bạn nhập ngày đó.
guide-schengen-plan = Ngày nhập cảnh dự kiến (không bắt buộc)
guide-schengen-plan-hint = Nếu bạn định đi, hãy nhập ngày bạn sẽ nhập cảnh. Chúng tôi sẽ cho bạn biết bạn được ở đến ngày nào.
guide-schengen-submit = Tính
guide-schengen-result-title = Kết quả
guide-schengen-used-label = Số ngày đã ở khu vực Schengen
guide-schengen-left-label = Số ngày còn lại
guide-schengen-window-label = Khoảng thời gian 180 ngày
guide-schengen-window-value = Từ { $start } đến { $end }
guide-schengen-latest-label = Ngày cuối cùng được ở nếu nhập cảnh ngày { $date }
guide-schengen-days = { $days } ngày
guide-schengen-left-note = Khoảng thời gian này liên tục dịch chuyển và những ngày cũ dần ra khỏi đó, vì vậy số ngày còn lại không phải là độ dài của chuyến đi bạn còn có thể thực hiện. Để lên kế hoạch cho một chuyến đi, hãy nhập ngày bạn sẽ nhập cảnh.
guide-schengen-no-stay = Hãy nhập ít nhất một lần lưu trú: ngày nhập cảnh và ngày xuất cảnh.
guide-schengen-entry-empty = Hãy nhập ngày nhập cảnh
guide-schengen-exit-empty = Hãy nhập ngày xuất cảnh
guide-schengen-date-invalid = Hãy nhập một ngày có thật, ví dụ 27/3/2026
guide-schengen-row-error = Lần lưu trú { $n }: { $message }
guide-schengen-plan-error = Ngày nhập cảnh dự kiến: { $message }
guide-schengen-on-error = Tính đến ngày: { $message }
guide-chart-title = Số ngày bạn ở khu vực Schengen trong 180 ngày tính đến { $date }
guide-chart-desc = Từ { $start } đến { $end }, bạn đã ở khu vực Schengen { $used } ngày; còn lại { $left }.
guide-chart-window = Khoảng 180 ngày
guide-chart-stay = Lần lưu trú
guide-chart-planned = Chuyến đi dự kiến
guide-chart-on = Tính đến ngày
guide-chart-tick = { $day }/{ $month }
guide-table-caption = Các lần lưu trú của bạn và số ngày được tính
guide-table-stay = Lần lưu trú
guide-table-entry = Nhập cảnh
guide-table-exit = Xuất cảnh
guide-table-days = Số ngày
guide-table-in-window = Trong đó thuộc khoảng 180 ngày
guide-table-planned = Dự kiến

## Cần mang theo gì
guide-checklist-title = Cần mang theo gì
guide-checklist-intro = Hãy chọn loại đơn, chúng tôi sẽ cho bạn biết cần mang theo gì và lệ phí bao nhiêu. Bạn có thể in danh sách này.
guide-application-legend = Bạn nộp đơn xin gì?
guide-purpose-legend = Mục đích cư trú của bạn là gì?
guide-purpose-hint = Điều này chỉ quan trọng với đơn đầu tiên và đơn gia hạn.
guide-purpose-other = Mục đích khác, hoặc tôi không chắc
guide-checklist-submit = Xem danh sách
guide-error-choose-application = Hãy chọn loại đơn bạn nộp
guide-error-choose-purpose = Hãy chọn mục đích cư trú trong danh sách
guide-checklist-heading = Cần mang theo gì: { $application }
guide-checklist-purpose = Mục đích cư trú: { $purpose }
guide-checklist-documents = Giấy tờ
guide-checklist-notes = Những điều nên biết về giấy tờ
guide-checklist-change = Chọn loại đơn khác
guide-fees-title = Lệ phí
guide-fees-act = Cho việc gì
guide-fees-adult = Lệ phí
guide-fees-child = Trẻ em dưới 15 tuổi
guide-print = In danh sách

## Đặt lịch hẹn khi phần hướng dẫn biết thêm thông tin
guide-book-fee = Lệ phí: { $fee }
guide-pickup-only-office = Bạn đã được lấy số liệu sinh trắc tại cơ sở { $office } ngày { $date }. Thẻ chỉ có thể được nhận tại chính cơ sở đó, vì vậy chúng tôi chỉ hiển thị cơ sở này.
guide-pickup-wrong-office = Thẻ chỉ có thể được nhận tại cơ sở { $office }, nơi bạn đã được lấy số liệu sinh trắc.

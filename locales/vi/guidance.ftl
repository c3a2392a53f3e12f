# Termín — hướng dẫn: thời hạn sau các sự kiện trong cuộc sống, quy tắc Schengen 90/180, giấy tờ cần mang, lệ phí.
# Các id lấy từ crates/domain/src/{deadlines,schengen,guidance}.rs; các thông tin lấy từ
# shared/domain.md §1, §4–§7, §9 và các tờ thông tin được dẫn ở đó. Không thêm thông tin
# nào mà các nguồn không nêu.

## Sự kiện (deadlines::Event): nhãn để người dùng chọn, và câu hỏi về ngày xảy ra
event-arrival = Tôi đã đến Cộng hòa Séc
event-arrival-date = Bạn đến Cộng hòa Séc vào ngày nào?
event-visa-expiry = Thị thực dài hạn (dlouhodobé vízum) của tôi sắp hết hạn
event-visa-expiry-date = Ngày cuối cùng còn hiệu lực của thị thực dài hạn của bạn là ngày nào?
event-permit-expiry = Giấy phép cư trú dài hạn (povolení k dlouhodobému pobytu) của tôi sắp hết hạn
event-permit-expiry-date = Ngày cuối cùng còn hiệu lực của giấy phép cư trú dài hạn của bạn là ngày nào?
event-employee-card-expiry = Thẻ lao động (zaměstnanecká karta) của tôi sắp hết hạn
event-employee-card-expiry-date = Ngày cuối cùng còn hiệu lực của thẻ lao động của bạn là ngày nào?
event-permanent-card-expiry = Thẻ định cư (průkaz o povolení k trvalému pobytu) của tôi sắp hết hạn
event-permanent-card-expiry-date = Ngày cuối cùng còn hiệu lực của thẻ định cư của bạn là ngày nào?
event-biometrics-captured = Tôi đã được lấy số liệu sinh trắc (biometrické údaje: ảnh khuôn mặt và dấu vân tay)
event-biometrics-captured-date = Bạn được lấy số liệu sinh trắc vào ngày nào?
event-name-change = Tên hoặc họ của tôi đã thay đổi
event-name-change-date = Tên hoặc họ của bạn thay đổi vào ngày nào?
event-marital-status-change = Tình trạng hôn nhân của tôi đã thay đổi (kết hôn hoặc ly hôn)
event-marital-status-change-date = Tình trạng hôn nhân của bạn thay đổi vào ngày nào?
event-card-data-change = Thông tin khác ghi trong thẻ cư trú (průkaz o povolení k pobytu) của tôi đã thay đổi
event-card-data-change-date = Thông tin đó thay đổi vào ngày nào?
event-new-passport = Tôi có hộ chiếu mới
event-new-passport-date = Hộ chiếu mới được cấp vào ngày nào? Nếu sau đó bạn mới mang hộ chiếu này trở lại Cộng hòa Séc, hãy nhập ngày bạn trở lại.
event-address-change = Tôi đã chuyển đến địa chỉ mới
event-address-change-date = Bạn sống ở địa chỉ mới từ ngày nào?
event-lost-document = Hộ chiếu hoặc thẻ cư trú của tôi bị mất hoặc bị lấy cắp
event-lost-document-date = Bạn phát hiện giấy tờ bị mất hoặc bị lấy cắp vào ngày nào?
event-child-born = Con tôi sinh ra tại Cộng hòa Séc
event-child-born-date = Con bạn sinh vào ngày nào?
event-visa-refused = Tôi bị từ chối cấp thị thực dài hạn
event-visa-refused-date = Bạn nhận được thông báo từ chối cấp thị thực vào ngày nào?
event-letter-deposited = Có thư bảo đảm gửi cho tôi đang được lưu tại bưu điện
event-letter-deposited-date = Thư được lưu tại bưu điện từ ngày nào?
event-notice-posted = Thông báo về một lá thư gửi cho tôi đã được dán lên bảng thông báo chính thức (úřední deska) của cơ quan
event-notice-posted-date = Thông báo được dán lên bảng thông báo chính thức vào ngày nào?

## Loại cư trú (cần khi thay đổi địa chỉ)
stay-long-term = Thị thực dài hạn hoặc giấy phép cư trú dài hạn
stay-permanent = Định cư (trvalý pobyt)

## Nghĩa vụ: cần làm gì, làm thế nào và ở đâu
obligation-police-registration = Đăng ký nơi cư trú với Cảnh sát ngoại kiều (cizinecká policie)
obligation-police-registration-detail = Hãy đích thân đến một phòng của Cảnh sát ngoại kiều (cizinecká policie). Nếu bạn đã nộp đơn xin giấy phép cư trú dài hạn hoặc giấy phép định cư, bạn đăng ký nơi cư trú tại cơ sở OAMP chứ không phải tại cảnh sát. Không đăng ký là vi phạm hành chính (přestupek).
obligation-biometrics-after-arrival = Đến cơ sở OAMP có ký hiệu BIO để được lấy số liệu sinh trắc (biometrické údaje)
obligation-biometrics-after-arrival-detail = Điều này áp dụng nếu cơ quan đại diện của Cộng hòa Séc (đại sứ quán hoặc lãnh sự quán) đã cấp cho bạn thị thực dài hạn để sang nhận giấy phép cư trú dài hạn hoặc giấy phép định cư. Bạn phải đích thân có mặt; không ai có thể làm thay bạn. Bạn có thể đặt lịch hẹn trước.
obligation-apply-long-term-residence = Nộp đơn xin giấy phép cư trú dài hạn (povolení k dlouhodobému pobytu) với cùng mục đích như thị thực của bạn
obligation-apply-long-term-residence-detail = Hãy đích thân nộp đơn tại cơ sở OAMP; người đại diện không thể nộp thay bạn. Mục đích cư trú phải giữ nguyên như trên thị thực. Nếu lỡ thời hạn, bạn có nguy cơ phải rời khỏi Cộng hòa Séc.
obligation-apply-extension = Nộp đơn xin gia hạn giấy phép cư trú dài hạn (povolení k dlouhodobému pobytu) hoặc thẻ lao động (zaměstnanecká karta)
obligation-apply-extension-detail = Bạn có thể nộp đơn trực tiếp tại cơ sở OAMP, qua người đại diện có giấy ủy quyền (plná moc) bằng văn bản, hoặc gửi thư bảo đảm (doporučeně) đến đúng địa chỉ của cơ sở OAMP (không gửi cho Cảnh sát ngoại kiều). Nếu gửi qua bưu điện, hãy giữ lại biên lai gửi thư (podací lístek).
obligation-apply-new-card = Xin cấp thẻ định cư (průkaz o povolení k trvalému pobytu) mới (gia hạn hiệu lực của thẻ)
obligation-apply-new-card-detail = Hãy đích thân nộp đơn tại cơ sở OAMP. Để làm thẻ mới, bạn sẽ được lấy lại số liệu sinh trắc, vì vậy phải chọn cơ sở có ký hiệu BIO.
obligation-card-pickup = Đích thân đến nhận thẻ cư trú (průkaz o povolení k pobytu)
obligation-card-pickup-detail = Không ai có thể nhận thẻ thay bạn. Nếu bạn không nhận thẻ cư trú dài hạn đúng hạn, thủ tục xét đơn của bạn sẽ bị đình chỉ; nếu bạn không nhận thẻ định cư, bạn có thể bị phạt đến 10.000 Kč.
obligation-report-change = Thông báo thay đổi cho cơ sở OAMP
obligation-report-change-detail = Hãy thông báo tại cơ sở OAMP theo nơi cư trú của bạn, trực tiếp hoặc qua người đại diện có giấy ủy quyền (plná moc). Mang theo giấy tờ chứng minh sự thay đổi, ví dụ hộ chiếu có tên mới, giấy chứng nhận kết hôn (oddací list) hoặc bản án ly hôn đã có hiệu lực pháp luật của tòa án, hoặc hộ chiếu mới. Nếu không thông báo thay đổi, bạn có thể bị phạt.
obligation-report-address-change = Thông báo địa chỉ mới cho cơ sở OAMP
obligation-report-address-change-detail = Hãy thông báo tại cơ sở OAMP theo nơi cư trú mới của bạn, trực tiếp hoặc qua người đại diện có giấy ủy quyền (plná moc). Mang theo giấy tờ chứng minh chỗ ở tại địa chỉ mới, ví dụ bản sao có chứng thực của hợp đồng thuê nhà (nájemní smlouva) hoặc giấy xác nhận chỗ ở (potvrzení o zajištění ubytování) có chữ ký được chứng thực. Bạn cũng sẽ được cấp thẻ cư trú mới, vì vậy hãy đặt ngay lịch hẹn để lấy lại số liệu sinh trắc.
obligation-report-loss-to-police = Báo ngay cho cảnh sát về việc bị mất hoặc bị lấy cắp
obligation-report-loss-to-police-detail = Hãy báo ngay cho Cảnh sát Cộng hòa Séc (Policie České republiky), trực tiếp hoặc qua người đại diện có giấy ủy quyền (plná moc). Sau đó, hãy thông báo cả cho cơ sở OAMP.
obligation-report-lost-document = Thông báo việc bị mất hoặc bị lấy cắp cho cơ sở OAMP
obligation-report-lost-document-detail = Hãy thông báo tại cơ sở OAMP, trực tiếp hoặc qua người đại diện có giấy ủy quyền (plná moc).
obligation-apply-child-residence = Nộp đơn xin giấy phép cư trú cho con bạn
obligation-apply-child-residence-detail = Hãy đích thân nộp đơn tại cơ sở OAMP. Mang theo hộ chiếu của trẻ (hoặc hộ chiếu của người đại diện hợp pháp có ghi tên trẻ), giấy khai sinh (rodný list) của trẻ và, nếu xin giấy phép cư trú dài hạn, giấy tờ chứng minh có bảo hiểm y tế toàn diện (komplexní zdravotní pojištění).
obligation-appeal-visa-refusal = Đề nghị Bộ Nội vụ xem xét lại lý do từ chối cấp thị thực
obligation-appeal-visa-refusal-detail = Lý do từ chối sẽ được thông báo cho bạn bằng văn bản. Hãy gửi đơn đề nghị xem xét lại đến Bộ Nội vụ Cộng hòa Séc (Ministerstvo vnitra České republiky). Đây không phải là việc đến cơ sở, vì vậy bạn không cần đặt lịch hẹn ở đây.
obligation-letter-delivered = Hãy nhận thư: thư được coi là đã giao vào ngày được nêu
obligation-letter-delivered-detail = Các cơ quan gửi thư quan trọng bằng thư bảo đảm. Hãy ghi rõ họ tên của bạn trên hộp thư và chuông cửa để người đưa thư tìm được bạn, và kịp thời báo cho cơ sở OAMP khi bạn đổi địa chỉ hoặc khi hợp đồng thuê nhà của bạn được gia hạn.

## Lưu ý đi kèm nghĩa vụ
obligation-note-unless-host-registered = Nếu người hoặc nơi cho bạn ở (ví dụ khách sạn hoặc ký túc xá sinh viên) đã đăng ký cho bạn thì bạn không cần tự làm việc này.
obligation-note-bring-valid-passport = Hãy mang theo hộ chiếu còn hiệu lực.
obligation-note-must-be-at-office-on-last-day = Chậm nhất vào ngày cuối cùng, đơn phải đã đến cơ sở OAMP. Gửi qua bưu điện vào ngày cuối cùng là quá muộn.
obligation-note-posting-suffices = Chỉ cần gửi đơn bằng thư bảo đảm tại bưu điện vào ngày cuối cùng là đủ.
obligation-note-same-office-as-biometrics = Hãy nhận thẻ tại chính cơ sở nơi bạn đã được lấy số liệu sinh trắc. Cơ sở này có thể khác với cơ sở nơi bạn đã nộp đơn.
obligation-note-new-card-needed = Bạn sẽ được cấp thẻ cư trú mới khi thẻ bị mất hoặc thông tin trong thẻ thay đổi, vì vậy hãy đặt ngay lịch hẹn để lấy lại số liệu sinh trắc.
obligation-note-from-issue-or-return = Thời hạn được tính từ ngày hộ chiếu mới được cấp, hoặc từ ngày bạn mang hộ chiếu đó trở lại Cộng hòa Séc.
obligation-note-new-address-over-30-days = Áp dụng khi bạn sẽ ở tại địa chỉ mới hơn 30 ngày.
obligation-note-new-address-over-180-days = Áp dụng khi bạn sẽ ở tại địa chỉ mới hơn 180 ngày.
obligation-note-same-residence-type-as-parent = Hãy xin cùng loại cư trú mà bạn hoặc cha/mẹ còn lại của trẻ đang có.
obligation-note-answer-within-60-days = Bộ Nội vụ cần gửi câu trả lời cho bạn trong vòng 60 ngày.
obligation-note-deemed-delivered-even-if-not-collected = Thư được coi là đã giao vào ngày được nêu, kể cả khi bạn không đến nhận.
obligation-note-deemed-delivered-after-public-notice = Khi người đưa thư không tìm thấy bạn tại địa chỉ, một thông báo sẽ được dán trên bảng thông báo chính thức (úřední deska) của cơ sở OAMP theo nơi cư trú của bạn và đăng trên trang web của Bộ Nội vụ. Thư được coi là đã giao vào ngày được nêu, kể cả khi bạn không đến nhận.

## Cách tính thời hạn (deadlines::Basis)
basis-working-days = { $days } ngày làm việc (không tính thứ Bảy, Chủ Nhật và ngày lễ)
basis-days = { $days } ngày (tính theo ngày lịch; nếu ngày cuối cùng rơi vào thứ Bảy, Chủ Nhật hoặc ngày lễ, thời hạn được dời sang ngày làm việc tiếp theo)
basis-last-day-of-validity = Từ { $window_days } ngày trước khi hết hạn cho đến ngày cuối cùng còn hiệu lực (nếu ngày đó rơi vào thứ Bảy, Chủ Nhật hoặc ngày lễ, hạn chót là ngày làm việc liền trước đó)
basis-days-before-expiry = Từ { $window_days } ngày trước khi hết hạn, và chậm nhất là { $days } ngày trước khi hết hạn (nếu ngày đó rơi vào thứ Bảy, Chủ Nhật hoặc ngày lễ, hạn chót là ngày làm việc liền trước đó)
basis-window-before-expiry = Không sớm hơn { $earliest } ngày và không muộn hơn { $latest } ngày trước khi hết hạn (nếu ngày đó rơi vào thứ Bảy, Chủ Nhật hoặc ngày lễ, hạn chót là ngày làm việc liền trước đó)
basis-at-once = Ngay lập tức, ngay trong ngày

## Cơ quan (domain.md §1)
authority-oamp = Bộ Nội vụ – OAMP (Phòng cư trú ngoại kiều – oddělení pobytu cizinců)
authority-police = Cảnh sát ngoại kiều (cizinecká policie)
authority-warning = Hãy gửi giấy tờ đến đúng cơ quan. Giấy phép cư trú do Bộ Nội vụ (OAMP) cấp, không phải do Cảnh sát ngoại kiều (cizinecká policie); giấy tờ gửi qua bưu điện đến sai cơ quan sẽ không được chấp nhận.

## Giấy tờ cần mang (guidance::checklist)
doc-passport = Hộ chiếu
doc-photos-2 = 2 ảnh
doc-photos = Ảnh
doc-purpose = Giấy tờ chứng minh mục đích cư trú tại Cộng hòa Séc
doc-accommodation = Giấy tờ chứng minh chỗ ở tại Cộng hòa Séc trong thời gian cư trú
doc-financial-means = Giấy tờ chứng minh có đủ tài chính cho thời gian cư trú tại Cộng hòa Séc
doc-health-insurance = Giấy tờ chứng minh có bảo hiểm y tế (bảo hiểm y tế du lịch – cestovní zdravotní pojištění)
doc-insurance-payment = Giấy tờ chứng minh đã đóng phí bảo hiểm
doc-guardian-consent = Đối với người chưa thành niên: văn bản đồng ý của người đại diện hợp pháp cho việc cư trú
doc-criminal-record = Lý lịch tư pháp (výpis z evidence trestů) hoặc giấy tờ tương đương do nước gốc của bạn cấp
doc-medical-certificate = Giấy chứng nhận sức khỏe (lékařská zpráva)
doc-czech-exam-certificate = Chứng chỉ đã đỗ kỳ thi tiếng Séc (lần thi đầu tiên được miễn phí với phiếu dự thi mà bạn nhận tại cơ sở OAMP)
doc-school-confirmation = Giấy xác nhận của nhà trường rằng bạn đang học hoặc đã được nhận vào học trong năm học hiện tại
doc-employment-contract-employee-card = Hợp đồng lao động (pracovní smlouva), thỏa thuận thực hiện công việc (dohoda o pracovní činnosti) hoặc hợp đồng hứa ký hợp đồng lao động (smlouva o smlouvě budoucí) có thời hạn ít nhất 3 tháng, với mức lương gộp (trước thuế) hằng tháng ít nhất bằng mức lương tối thiểu và ít nhất 15 giờ làm việc mỗi tuần; vị trí công việc phải được đăng ký là chỗ làm trống mà người có thẻ lao động được phép đảm nhận
doc-qualification-documents = Giấy tờ chứng minh trình độ và năng lực chuyên môn cho công việc
doc-employment-contract-blue-card = Hợp đồng lao động có thời hạn ít nhất 3 tháng, với mức lương gộp (trước thuế) hằng tháng hoặc hằng năm ít nhất bằng 1,5 lần mức lương trung bình tại Cộng hòa Séc; vị trí công việc phải được đăng ký là chỗ làm trống mà người có thẻ xanh nước biển (modrá karta) được phép đảm nhận
doc-high-qualification-documents = Giấy tờ chứng minh trình độ chuyên môn cao
doc-trade-register-entry = Giấy tờ chứng minh bạn đã có tên trong sổ đăng ký liên quan (ví dụ sổ đăng ký kinh doanh – živnostenský rejstřík – hoặc sổ đăng ký thương mại – obchodní rejstřík)
doc-no-arrears-social-security = Giấy xác nhận của Cơ quan Quản lý An sinh Xã hội Séc (ČSSZ) rằng bạn không có khoản nợ nào
doc-no-arrears-tax-office = Giấy xác nhận của cơ quan thuế (finanční úřad) rằng bạn không có khoản nợ nào
doc-no-arrears-district-social-security = Giấy xác nhận của cơ quan an sinh xã hội cấp quận (OSSZ) rằng bạn không có khoản nợ nào
doc-no-arrears-company = Giấy xác nhận của cơ quan thuế (finanční úřad) và cơ quan an sinh xã hội cấp quận (OSSZ) rằng công ty hoặc hợp tác xã không có khoản nợ nào
doc-birth-or-marriage-certificate = Giấy khai sinh hoặc giấy chứng nhận kết hôn (bản gốc hoặc bản sao có chứng thực)
doc-parents-consent = Văn bản đồng ý của cha mẹ hoặc người đại diện hợp pháp
doc-child-passport = Hộ chiếu của trẻ (hoặc hộ chiếu của người đại diện hợp pháp có ghi tên trẻ)
doc-child-birth-certificate = Giấy khai sinh của trẻ
doc-comprehensive-health-insurance = Giấy tờ chứng minh có bảo hiểm y tế toàn diện (komplexní zdravotní pojištění)

## Khi nào cần giấy tờ (condition-<id>)
condition-on-request = Chỉ khi cơ quan yêu cầu
condition-minors-not-yet-living-in-cz = Chỉ đối với người chưa thành niên chưa sống tại Cộng hòa Séc
condition-if-appearance-changed = Chỉ khi ngoại hình của bạn đã thay đổi và cơ quan yêu cầu
condition-not-for-scientific-research = Không cần đối với mục đích nghiên cứu khoa học
condition-not-for-employment-research-or-cards = Không cần đối với mục đích lao động, nghiên cứu khoa học, thẻ lao động hoặc thẻ xanh nước biển
condition-at-embassy-on-request-not-under-15 = Chỉ đối với đơn nộp tại cơ quan đại diện (đại sứ quán) của Cộng hòa Séc, nếu được yêu cầu; không áp dụng cho trẻ em dưới 15 tuổi
condition-statutory-body-or-member = Chỉ khi bạn là người đại diện theo pháp luật (statutární orgán) hoặc thành viên của công ty hay hợp tác xã
condition-in-some-cases = Trong một số trường hợp
condition-for-long-term-residence = Chỉ đối với đơn xin giấy phép cư trú dài hạn

## Lưu ý chung cho mọi danh sách
note-block-letters = Điền mẫu đơn rõ ràng, bằng chữ in hoa.
note-czech-or-court-translation = Tất cả giấy tờ, trừ hộ chiếu, phải bằng tiếng Séc hoặc được dịch chính thức sang tiếng Séc. Giấy tờ do nước ngoài cấp phải do phiên dịch viên tòa án (soudní tlumočník) dịch.
note-originals-or-certified-copies = Hãy nộp bản gốc hoặc bản sao có chứng thực (úředně ověřená kopie) của tất cả giấy tờ.
note-apostille-or-legalisation = Giấy tờ do cơ quan nước ngoài cấp cần có chứng nhận apostille (apostila) hoặc hợp pháp hóa lãnh sự (superlegalizace), tùy theo quốc gia đã cấp giấy tờ đó.
note-document-validity = Giấy tờ kèm theo đơn chỉ có giá trị trong { $days } ngày. Điều này không áp dụng cho hộ chiếu, giấy khai sinh, giấy chứng nhận kết hôn và ảnh.
note-registered-post-to-oamp = Nếu gửi giấy tờ qua bưu điện, hãy luôn gửi bằng thư bảo đảm (doporučeně) đến cơ sở OAMP, không gửi cho Cảnh sát ngoại kiều, và giữ biên lai gửi thư (podací lístek) làm bằng chứng. Bạn cũng có thể yêu cầu phiếu báo phát (dodejka) để được xác nhận rằng Bộ Nội vụ đã nhận giấy tờ.

## Mục đích cư trú và loại đơn
purpose-study = Học tập
purpose-employee-card = Thẻ lao động (zaměstnanecká karta)
purpose-blue-card = Thẻ xanh nước biển (modrá karta)
purpose-business = Kinh doanh
purpose-family-reunification = Đoàn tụ gia đình
application-first-long-term = Đơn xin giấy phép cư trú dài hạn lần đầu
application-extension = Đơn xin gia hạn giấy phép cư trú dài hạn
application-permanent-residence = Đơn xin giấy phép định cư
application-child-born = Cư trú cho trẻ em sinh ra tại Cộng hòa Séc

## Lệ phí (domain.md §7)
fee-card-issue-or-extension = Cấp thẻ cư trú hoặc gia hạn hiệu lực của thẻ
fee-card-data-change = Thay đổi thông tin trong thẻ cư trú
fee-card-replacement = Cấp thẻ cư trú mới thay cho thẻ bị hư hỏng, bị hủy hoại, bị mất hoặc bị lấy cắp, hoặc thẻ có chíp không hoạt động
fee-card-replacement-chip-no-fault = Cấp thẻ cư trú mới khi chíp không hoạt động mà không phải do lỗi của bạn
fee-citizenship = Cấp quốc tịch Séc
fee-amount = { $czk } Kč
fee-free = Miễn phí
fee-paid-by-stamps = Nộp bằng tem lệ phí (kolkové známky), có bán tại mọi bưu điện.

## Công cụ tính Schengen 90/180
schengen-error-exit-before-entry = Ngày bạn rời đi sớm hơn ngày bạn nhập cảnh. Vui lòng kiểm tra lại các ngày của lần lưu trú này.
schengen-error-overlapping-stays = Có hai lần lưu trú trùng nhau. Vui lòng kiểm tra lại các ngày: một lần lưu trú chỉ có thể bắt đầu sớm nhất vào ngày lần lưu trú trước kết thúc.
schengen-error-no-days-left = Bạn không còn ngày nào: nếu nhập cảnh vào ngày đó, bạn sẽ vi phạm quy tắc 90/180 (tối đa 90 ngày trong bất kỳ khoảng thời gian 180 ngày nào trong khu vực Schengen).
schengen-error-invalid-rules = Công cụ tính Schengen tạm thời không hoạt động do lỗi cấu hình. Vui lòng thử lại sau.

## Lỗi của công cụ tính thời hạn (deadlines::DeadlineError)
deadline-error-unknown-event = Chúng tôi không nhận ra sự kiện này. Vui lòng chọn một sự kiện trong danh sách.
deadline-error-unknown-stay = Vui lòng chọn loại cư trú của bạn: dài hạn hoặc định cư.
deadline-error-date-too-early = Ngày này quá xa trong quá khứ, công cụ tính không xử lý được. Vui lòng kiểm tra lại năm.
deadline-error-date-too-late = Ngày này quá xa trong tương lai, công cụ tính không xử lý được. Vui lòng kiểm tra lại năm.
deadline-error-missing-stay = Đối với việc thay đổi địa chỉ, vui lòng cho biết bạn cư trú dài hạn hay định cư.
deadline-error-option-not-applicable = Lựa chọn này không áp dụng cho sự kiện bạn đã chọn.
deadline-error-invalid-rules = Công cụ tính thời hạn tạm thời không hoạt động do lỗi cấu hình. Vui lòng thử lại sau.

## Nguồn thông tin
guidance-disclaimer = Thông tin này lấy từ các tờ thông tin dành cho người nước ngoài của Bộ Nội vụ (trong đó có tờ thông tin tháng 4 năm 2011 về số liệu sinh trắc trong thẻ cư trú) và từ các hướng dẫn mới hơn dành cho người nước ngoài. Đây chỉ là thông tin tham khảo và không thay thế quyết định của cơ quan có thẩm quyền. Khi các nguồn khác nhau, chúng tôi áp dụng quy định mới hơn và ghi rõ điều đó trên trang.
guidance-sources-differ-extension = Các nguồn có sự khác nhau: theo hướng dẫn mới hơn, bạn có thể nộp đơn xin gia hạn từ 120 ngày trước khi giấy phép hết hạn cho đến ngày cuối cùng còn hiệu lực; tờ thông tin năm 2011 ghi là từ 90 đến 14 ngày trước khi hết hạn. Các thời hạn trên trang này tuân theo quy định mới hơn.
guidance-sources-differ-business = Các nguồn có sự khác nhau: một hướng dẫn ghi rằng bạn có thể chuyển mục đích cư trú sang kinh doanh sau 2 năm cư trú tại Cộng hòa Séc, một hướng dẫn khác ghi là sau 5 năm. Vui lòng hỏi lại cơ sở OAMP trước khi nộp đơn.

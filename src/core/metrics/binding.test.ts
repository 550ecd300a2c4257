import { describe, expect, it } from 'vitest';
import { metricForTarget } from './binding.js';

describe('metricForTarget', () => {
  it.each([
    ['Tỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn: từ 98% trở lên.', 'dossier_on_time'],
    ['100% hồ sơ thủ tục hành chính giải quyết đúng hạn', 'dossier_on_time'],
    ['Phản ánh mức độ hài lòng của cá nhân, tổ chức về giải quyết thủ tục hành chính đạt 100%.', 'dossier_satisfaction'],
    ['100% ứng dụng thanh toán điện tử trong cung ứng dịch vụ.', 'dossier_online_payment'],
    ['Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 80%', 'dossier_digitisation'],
    ['Tỷ lệ hồ sơ trực tuyến đạt từ 50% trở lên', 'dossier_online'],
    ['Công khai và cập nhật kịp thời tỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn/trễ hạn', null],
    ['100% hồ sơ thủ tục hành chính giải quyết trễ hạn phải kịp thời thông báo xin lỗi', null],
    ['Phản ánh mức độ hài lòng của cá nhân, tổ chức đối với sự phục vụ trong lĩnh vực giáo dục đạt 100%.', 'survey_satisfaction'],
    ['Mức độ hài lòng của người dân đạt 100%.', 'survey_satisfaction'],
    ['Mức độ hài lòng của cha mẹ học sinh, người dân đối với sự phục vụ của trường đạt 100%', 'survey_satisfaction'],
    ['Tỷ lệ hài lòng của phụ huynh đạt từ 95% trở lên', 'survey_satisfaction'],
    ['Công khai tỷ lệ hài lòng trên trang thông tin điện tử', null],
    ['100% các văn bản, tài liệu chính thức trao đổi … trên môi trường điện tử', 'document_electronic'],
    [
      '100% các văn bản, tài liệu chính thức trao đổi giữa các cơ quan hành chính nhà nước được thực hiện trên môi trường điện tử trừ các văn bản có chứa bí mật nhà nước.',
      'document_electronic',
    ],
    ['100% văn bản trao đổi được thực hiện dưới dạng điện tử, trừ văn bản mật', 'document_electronic'],
    ['100% áp dụng chữ ký số trong giải quyết hồ sơ thủ tục hành chính đảm bảo thực hiện đúng quy định.', 'document_signed'],
    [
      '100% cán bộ, công chức sử dụng hệ thống thư điện tử công vụ trong trao đổi công việc theo đúng quy định của Ủy ban nhân dân Thành phố tại Quyết định số 41/2011/QĐ-UBND ngày 17 tháng 6 năm 2011.',
      'document_official_channel',
    ],
    ['100% văn bản đến được xử lý đúng hạn', 'document_incoming_on_time'],
    ['Công khai văn bản trên trang thông tin điện tử đạt 100%', null],
    ['Công khai kết quả xử lý PAKN: 100%', 'feedback_published'],
    ['100% phản ánh, kiến nghị được xử lý đúng thời hạn và công khai kết quả', 'feedback_answered_on_time'],
    ['100% phản ánh, kiến nghị thuộc thẩm quyền của trường được tiếp nhận, xử lý đúng thời hạn và công khai kết quả', 'feedback_answered_on_time'],
    [
      '100% các phản ánh, kiến nghị của cá nhân, tổ chức về quy định, thủ tục hành chính thuộc thẩm quyền giải quyết của trường được tiếp nhận, xử lý, trả lời và công khai kết quả trả lời trên Cổng dịch vụ',
      'feedback_published',
    ],
    ['100% PAKN được trả lời', 'feedback_answered_on_time'],
    ['Ban hành Quy chế tiếp nhận, xử lý phản ánh, kiến nghị đạt 100%', null],
  ])('%s → %s', (text, metric) => {
    expect(metricForTarget(text, 'percent')).toBe(metric);
  });

  it('binds only targets with a percentage threshold', () => {
    expect(metricForTarget('Tỷ lệ giải quyết hồ sơ đúng hạn bằng hoặc cao hơn năm 2022', 'not_lower_than_year')).toBeNull();
  });
});

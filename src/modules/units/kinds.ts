export const UNIT_KINDS = {
  province: 'Tỉnh, thành phố',
  department: 'Sở, ban, ngành',
  ward: 'Phường, xã, đặc khu',
  office: 'Phòng, cơ quan chuyên môn',
  school: 'Trường học',
  kindergarten: 'Trường mầm non',
  service_unit: 'Đơn vị sự nghiệp',
  other: 'Khác',
} as const;

export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_KEYS = Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]];

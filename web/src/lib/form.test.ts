import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { errorsForFields, rules, serverFieldErrors } from './form.js';

const validation = (details: unknown) => new ApiError('Dữ liệu gửi lên không hợp lệ.', 400, 'VALIDATION', 'r1', details);

describe('web/src/lib/form: rules from the shared limits', () => {
  it('requires, bounds and matches a value, the first failing rule speaking', () => {
    const name = rules.all(rules.required('Nhập tên'), rules.minLength(2, 'Ít nhất 2 ký tự'), rules.maxLength(5));
    expect(name('')).toBe('Nhập tên');
    expect(name('   ')).toBe('Nhập tên');
    expect(name('a')).toBe('Ít nhất 2 ký tự');
    expect(name('abcdef')).toBe('Tối đa 5 ký tự');
    expect(name(' ab ')).toBeNull();
    expect(rules.required('Chọn vai trò')([])).toBe('Chọn vai trò');
    expect(rules.matches(/^[a-z]+$/, 'Chỉ chữ thường')('Ab')).toBe('Chỉ chữ thường');
    expect(rules.matches(/^[a-z]+$/, 'Chỉ chữ thường')('')).toBeNull();
  });
});

describe('web/src/lib/form: server errors onto the fields', () => {
  it('reads the VALIDATION details by dotted path, the first message of each path', () => {
    const err = validation([
      { path: 'fullName', message: 'quá ngắn' },
      { path: 'fullName', message: 'thứ hai' },
      { path: 'roles.0', message: 'không hợp lệ' },
      { path: '', message: 'toàn bộ' },
      'rác',
    ]);
    expect(serverFieldErrors(err)).toEqual({ fullName: 'quá ngắn', 'roles.0': 'không hợp lệ' });
    expect(serverFieldErrors(new Error('x'))).toEqual({});
    expect(serverFieldErrors(validation(undefined))).toEqual({});
  });

  it('keeps only the fields the form has, else places a coded error on its field', () => {
    const fields = ['username', 'fullName'];
    expect(errorsForFields(validation([{ path: 'fullName', message: 'quá ngắn' }]), fields)).toEqual({
      fullName: 'quá ngắn',
    });
    expect(errorsForFields(validation([{ path: 'other', message: 'x' }]), fields)).toEqual({});
    const taken = new ApiError('Tên đăng nhập đã được sử dụng.', 409, 'USERNAME_TAKEN');
    expect(errorsForFields(taken, fields, { USERNAME_TAKEN: 'username' })).toEqual({
      username: 'Tên đăng nhập đã được sử dụng.',
    });
    expect(errorsForFields(taken, fields)).toEqual({});
    expect(errorsForFields(taken, fields, { USERNAME_TAKEN: 'missing' })).toEqual({});
  });
});

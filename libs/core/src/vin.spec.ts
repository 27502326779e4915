import { vinCheckDigit, vinProblem, withCheckDigit } from './vin';

describe('vinCheckDigit', () => {
  it('computes the ISO 3779 check digit', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });
});

describe('vinProblem', () => {
  it('accepts a North American VIN with a valid check digit', () => {
    expect(vinProblem('1M8GDM9AXKP042788')).toBeNull();
  });

  it('rejects a wrong check digit on a Chinese VIN', () => {
    const body = 'LSVAU2180N2';
    const vin = `${body.slice(0, 8)}0${body.slice(9)}123456`.slice(0, 17);
    const valid = withCheckDigit(vin);
    expect(vinProblem(valid)).toBeNull();
    const wrong = valid.slice(0, 8) + (valid[8] === '1' ? '2' : '1') + valid.slice(9);
    expect(vinProblem(wrong)).toBe('check-digit');
  });

  it('accepts a European VIN without check digit', () => {
    expect(vinProblem('WVWZZZ1JZXW000001')).toBeNull();
  });

  it.each(['SHORT', '1M8GDM9AXKP04278O', '1M8GDM9AXKP0427881'])('rejects the malformed %s', (vin) => {
    expect(vinProblem(vin)).toBe('format');
  });
});

/**
 * TEST SUPPORT ONLY — an independent reference implementation of the Vietnamese lunar calendar,
 * used by lunar.test.ts to check `lunar.ts` year by year. It deliberately shares no code and no
 * formulae with lunar.ts (nor with date.ts):
 *
 *  - new moons: the full series of J. Meeus, "Astronomical Algorithms" (2nd ed. 1998), ch. 49,
 *    with all 25 periodic terms and the 14 planetary "additional corrections" (accuracy a few
 *    seconds), epoch 2000, vs. the 13-term 1979 series with epoch 1900 used by lunar.ts;
 *  - ΔT: the Espenak & Meeus (2006) polynomials (NASA eclipse site), vs. a parabola;
 *  - the sun: the truncated VSOP87 theory of Meeus Appendix III (Earth L0–L5, R0–R4), with
 *    nutation (ch. 22) and aberration, accuracy ~1″, vs. the 0.01° equation-of-centre formula;
 *  - major solar terms: solved for as instants (Meeus ch. 27 iteration) and compared as local
 *    dates with month boundaries, vs. comparing the sun's 30° sector at month starts;
 *  - month 11: found from the solstice's local date, vs. searching back from 31 December;
 *  - Julian Day → Gregorian date by Meeus ch. 7, vs. Hinnant's algorithm in date.ts.
 *
 * It is slow (no caching beyond a per-call segment) and lives outside the runtime code.
 */

const DEG = Math.PI / 180;

type Term = readonly [number, number, number];

// Meeus, Astronomical Algorithms, Appendix III: Earth, heliocentric longitude L (units 1e-8 rad).
const L0: readonly Term[] = [
  [175347046, 0, 0],
  [3341656, 4.6692568, 6283.07585],
  [34894, 4.6261, 12566.1517],
  [3497, 2.7441, 5753.3849],
  [3418, 2.8289, 3.5231],
  [3136, 3.6277, 77713.7715],
  [2676, 4.4181, 7860.4194],
  [2343, 6.1352, 3930.2097],
  [1324, 0.7425, 11506.7698],
  [1273, 2.0371, 529.691],
  [1199, 1.1096, 1577.3435],
  [990, 5.233, 5884.927],
  [902, 2.045, 26.298],
  [857, 3.508, 398.149],
  [780, 1.179, 5223.694],
  [753, 2.533, 5507.553],
  [505, 4.583, 18849.228],
  [492, 4.205, 775.523],
  [357, 2.92, 0.067],
  [317, 5.849, 11790.629],
  [284, 1.899, 796.298],
  [271, 0.315, 10977.079],
  [243, 0.345, 5486.778],
  [206, 4.806, 2544.314],
  [205, 1.869, 5573.143],
  [202, 2.458, 6069.777],
  [156, 0.833, 213.299],
  [132, 3.411, 2942.463],
  [126, 1.083, 20.775],
  [115, 0.645, 0.98],
  [103, 0.636, 4694.003],
  [102, 0.976, 15720.839],
  [102, 4.267, 7.114],
  [99, 6.21, 2146.17],
  [98, 0.68, 155.42],
  [86, 5.98, 161000.69],
  [85, 1.3, 6275.96],
  [85, 3.67, 71430.7],
  [80, 1.81, 17260.15],
  [79, 3.04, 12036.46],
  [75, 1.76, 5088.63],
  [74, 3.5, 3154.69],
  [74, 4.68, 801.82],
  [70, 0.83, 9437.76],
  [62, 3.98, 8827.39],
  [61, 1.82, 7084.9],
  [57, 2.78, 6286.6],
  [56, 4.39, 14143.5],
  [56, 3.47, 6279.55],
  [52, 0.19, 12139.55],
  [52, 1.33, 1748.02],
  [51, 0.28, 5856.48],
  [49, 0.49, 1194.45],
  [41, 5.37, 8429.24],
  [41, 2.4, 19651.05],
  [39, 6.17, 10447.39],
  [37, 6.04, 10213.29],
  [37, 2.57, 1059.38],
  [36, 1.71, 2352.87],
  [36, 1.78, 6812.77],
  [33, 0.59, 17789.85],
  [30, 0.44, 83996.85],
  [30, 2.74, 1349.87],
  [25, 3.16, 4690.48],
];
const L1: readonly Term[] = [
  [628331966747, 0, 0],
  [206059, 2.678235, 6283.07585],
  [4303, 2.6351, 12566.1517],
  [425, 1.59, 3.523],
  [119, 5.796, 26.298],
  [109, 2.966, 1577.344],
  [93, 2.59, 18849.23],
  [72, 1.14, 529.69],
  [68, 1.87, 398.15],
  [67, 4.41, 5507.55],
  [59, 2.89, 5223.69],
  [56, 2.17, 155.42],
  [45, 0.4, 796.3],
  [36, 0.47, 775.52],
  [29, 2.65, 7.11],
  [21, 5.34, 0.98],
  [19, 1.85, 5486.78],
  [19, 4.97, 213.3],
  [17, 2.99, 6275.96],
  [16, 0.03, 2544.31],
  [16, 1.43, 2146.17],
  [15, 1.21, 10977.08],
  [12, 2.83, 1748.02],
  [12, 3.26, 5088.63],
  [12, 5.27, 1194.45],
  [12, 2.08, 4694.0],
  [11, 0.77, 553.57],
  [10, 1.3, 6286.6],
  [10, 4.24, 1349.87],
  [9, 2.7, 242.73],
  [9, 5.64, 951.72],
  [8, 5.3, 2352.87],
  [6, 2.65, 9437.76],
  [6, 4.67, 4690.48],
];
const L2: readonly Term[] = [
  [52919, 0, 0],
  [8720, 1.0721, 6283.0758],
  [309, 0.867, 12566.152],
  [27, 0.05, 3.52],
  [16, 5.19, 26.3],
  [16, 3.68, 155.42],
  [10, 0.76, 18849.23],
  [9, 2.06, 77713.77],
  [7, 0.83, 775.52],
  [5, 4.66, 1577.34],
  [4, 1.03, 7.11],
  [4, 3.44, 5573.14],
  [3, 5.14, 796.3],
  [3, 6.05, 5507.55],
  [3, 1.19, 242.73],
  [3, 6.12, 529.69],
  [3, 0.31, 398.15],
  [3, 2.28, 553.57],
  [2, 4.38, 5223.69],
  [2, 3.75, 0.98],
];
const L3: readonly Term[] = [
  [289, 5.844, 6283.076],
  [35, 0, 0],
  [17, 5.49, 12566.15],
  [3, 5.2, 155.42],
  [1, 4.72, 3.52],
  [1, 5.3, 18849.23],
  [1, 5.97, 242.73],
];
const L4: readonly Term[] = [
  [114, 3.142, 0],
  [8, 4.13, 6283.08],
  [1, 3.84, 12566.15],
];
const L5: readonly Term[] = [[1, 3.14, 0]];

// Radius vector R (units 1e-8 AU), truncated further: only the aberration (20.5″/R) uses it.
const R0: readonly Term[] = [
  [100013989, 0, 0],
  [1670700, 3.0984635, 6283.07585],
  [13956, 3.05525, 12566.1517],
  [3084, 5.1985, 77713.7715],
  [1628, 1.1739, 5753.3849],
  [1576, 2.8469, 7860.4194],
  [925, 5.453, 11506.77],
  [542, 4.564, 3930.21],
  [472, 3.661, 5884.927],
  [346, 0.964, 5507.553],
  [329, 5.9, 5223.694],
  [307, 0.299, 5573.143],
  [243, 4.273, 11790.629],
  [212, 5.847, 1577.344],
  [186, 5.022, 10977.079],
  [175, 3.012, 18849.228],
];
const R1: readonly Term[] = [
  [103019, 1.10749, 6283.07585],
  [1721, 1.0644, 12566.1517],
  [702, 3.142, 0],
];
const R2: readonly Term[] = [[4359, 5.7846, 6283.0758]];

function series(terms: readonly Term[], tau: number): number {
  let sum = 0;
  for (const [a, b, c] of terms) sum += a * Math.cos(b + c * tau);
  return sum;
}

function normalizeDegrees(x: number): number {
  return ((x % 360) + 360) % 360;
}

/** ΔT = TT − UT in seconds (Espenak & Meeus 2006 polynomial expressions). */
export function referenceDeltaTSeconds(decimalYear: number): number {
  const y = decimalYear;
  if (y < 1800) throw new RangeError('reference ΔT only covers 1800–2200');
  if (y < 1860) {
    const t = y - 1800;
    return (
      13.72 -
      0.332447 * t +
      0.0068612 * t ** 2 +
      0.0041116 * t ** 3 -
      0.00037436 * t ** 4 +
      0.0000121272 * t ** 5 -
      0.0000001699 * t ** 6 +
      0.000000000875 * t ** 7
    );
  }
  if (y < 1900) {
    const t = y - 1860;
    return (
      7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174
    );
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  if (y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;
}

function decimalYearOfJd(jd: number): number {
  return 2000 + (jd - 2451545.0) / 365.25;
}

function jdeToJdUt(jde: number): number {
  return jde - referenceDeltaTSeconds(decimalYearOfJd(jde)) / 86400;
}

/** The sun's apparent geocentric longitude (degrees) at Julian Ephemeris Day `jde`. */
export function referenceSunApparentLongitude(jde: number): number {
  const tau = (jde - 2451545.0) / 365250; // Julian millennia from J2000.0
  const L =
    (series(L0, tau) +
      series(L1, tau) * tau +
      series(L2, tau) * tau ** 2 +
      series(L3, tau) * tau ** 3 +
      series(L4, tau) * tau ** 4 +
      series(L5, tau) * tau ** 5) /
    1e8;
  const R = (series(R0, tau) + series(R1, tau) * tau + series(R2, tau) * tau ** 2) / 1e8;
  // Geocentric = heliocentric + 180°, then the FK5 frame correction (−0.09033″).
  let theta = L / DEG + 180 - 0.09033 / 3600;
  // Nutation in longitude (Meeus ch. 22, the 0.5″ version).
  const T = tau * 10;
  const omega = 125.04452 - 1934.136261 * T;
  const Lsun = 280.4665 + 36000.7698 * T;
  const Lmoon = 218.3165 + 481267.8813 * T;
  const dPsi =
    -17.2 * Math.sin(omega * DEG) -
    1.32 * Math.sin(2 * Lsun * DEG) -
    0.23 * Math.sin(2 * Lmoon * DEG) +
    0.21 * Math.sin(2 * omega * DEG);
  theta += dPsi / 3600;
  // Annual aberration.
  theta -= 20.4898 / R / 3600;
  return normalizeDegrees(theta);
}

/** JDE of the true new moon number k (k = 0: 6 January 2000), Meeus (1998) ch. 49. */
export function referenceNewMoonJde(k: number): number {
  const T = k / 1236.85;
  const jde =
    2451550.09766 + 29.530588861 * k + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T ** 2 - 0.00000011 * T ** 3) * DEG;
  const Mp =
    (201.5643 + 385.81693528 * k + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4) * DEG;
  const F =
    (160.7108 + 390.67050284 * k - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4) * DEG;
  const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T ** 2 + 0.00000215 * T ** 3) * DEG;
  const s = Math.sin;
  const periodic =
    -0.4072 * s(Mp) +
    0.17241 * E * s(M) +
    0.01608 * s(2 * Mp) +
    0.01039 * s(2 * F) +
    0.00739 * E * s(Mp - M) -
    0.00514 * E * s(Mp + M) +
    0.00208 * E * E * s(2 * M) -
    0.00111 * s(Mp - 2 * F) -
    0.00057 * s(Mp + 2 * F) +
    0.00056 * E * s(2 * Mp + M) -
    0.00042 * s(3 * Mp) +
    0.00042 * E * s(M + 2 * F) +
    0.00038 * E * s(M - 2 * F) -
    0.00024 * E * s(2 * Mp - M) -
    0.00017 * s(Om) -
    0.00007 * s(Mp + 2 * M) +
    0.00004 * s(2 * Mp - 2 * F) +
    0.00004 * s(3 * M) +
    0.00003 * s(Mp + M - 2 * F) +
    0.00003 * s(2 * Mp + 2 * F) -
    0.00003 * s(Mp + M + 2 * F) +
    0.00003 * s(Mp - M + 2 * F) -
    0.00002 * s(Mp - M - 2 * F) -
    0.00002 * s(3 * Mp + M) +
    0.00002 * s(4 * Mp);
  const A: readonly (readonly [number, number, number])[] = [
    // [coefficient, A0, per-k rate]; A1 also has a T² term handled below.
    [0.000325, 299.77, 0.107408],
    [0.000165, 251.88, 0.016321],
    [0.000164, 251.83, 26.651886],
    [0.000126, 349.42, 36.412478],
    [0.00011, 84.66, 18.206239],
    [0.000062, 141.74, 53.303771],
    [0.00006, 207.14, 2.453732],
    [0.000056, 154.84, 7.30686],
    [0.000047, 34.52, 27.261239],
    [0.000042, 207.19, 0.121824],
    [0.00004, 291.34, 1.844379],
    [0.000037, 161.72, 24.198154],
    [0.000035, 239.56, 25.513099],
    [0.000023, 331.55, 3.592518],
  ];
  let additional = 0;
  A.forEach(([coef, a0, rate], i) => {
    const arg = a0 + rate * k - (i === 0 ? 0.009173 * T ** 2 : 0);
    additional += coef * Math.sin(arg * DEG);
  });
  return jde + periodic + additional;
}

/**
 * JDE at which the sun's apparent longitude equals `longitude`, near the estimate `guess`
 * (Meeus ch. 27: repeat JDE += 58·sin(target − λ) until it stops moving).
 */
export function referenceSolarTermJde(longitude: number, guess: number): number {
  let jde = guess;
  for (let i = 0; i < 100; i++) {
    const lambda = referenceSunApparentLongitude(jde);
    let diff = longitude - lambda;
    diff = ((((diff + 180) % 360) + 360) % 360) - 180;
    const step = 58 * Math.sin(diff * DEG);
    jde += step;
    if (Math.abs(step) < 1e-8) return jde;
  }
  throw new Error(`solar term ${longitude}° did not converge near ${guess}`);
}

/** Julian Day Number of the local (UTC + timeZone hours) day containing instant `jdUt`. */
function localJdn(jdUt: number, timeZone: number): number {
  return Math.floor(jdUt + 0.5 + timeZone / 24);
}

function newMoonLocalJdn(k: number, timeZone: number): number {
  return localJdn(jdeToJdUt(referenceNewMoonJde(k)), timeZone);
}

/** JDE of the December solstice of `year` (Meeus ch. 27 mean value as a start, then solved). */
function decemberSolsticeJde(year: number): number {
  const Y = (year - 2000) / 1000;
  const mean = 2451900.05952 + 365242.74049 * Y - 0.06223 * Y ** 2 - 0.00823 * Y ** 3 + 0.00032 * Y ** 4;
  return referenceSolarTermJde(270, mean);
}

/** New-moon number k of the lunar month containing the (local) date of the December solstice. */
function referenceMonth11(year: number, timeZone: number): number {
  const solsticeDay = localJdn(jdeToJdUt(decemberSolsticeJde(year)), timeZone);
  let k = Math.round((solsticeDay - 2451550.1) / 29.530588861);
  while (newMoonLocalJdn(k, timeZone) > solsticeDay) k--;
  while (newMoonLocalJdn(k + 1, timeZone) <= solsticeDay) k++;
  return k;
}

export interface ReferenceMonth {
  month: number;
  leap: boolean;
  /** Julian Day Number of day 1. */
  startJdn: number;
  /** Julian Day Number of day 1 of the following month. */
  endJdn: number;
}

/**
 * Months from the month 11 containing the December-`year − 1` solstice up to the next month 11,
 * labelled 11, 12, 1, …, 10 with the leap month (if 13) marked.
 */
export function referenceSegment(year: number, timeZone: number): ReferenceMonth[] {
  const kA = referenceMonth11(year - 1, timeZone);
  const kB = referenceMonth11(year, timeZone);
  const n = kB - kA;
  const starts: number[] = [];
  for (let i = 0; i <= n; i++) starts.push(newMoonLocalJdn(kA + i, timeZone));

  // Local dates of the 13 major solar terms from solstice to solstice (270°, 300°, …, 270°).
  const solsticeA = decemberSolsticeJde(year - 1);
  const zhongqiDays: number[] = [];
  for (let j = 0; j <= 12; j++) {
    const longitude = (270 + 30 * j) % 360;
    const jde = j === 0 ? solsticeA : referenceSolarTermJde(longitude, solsticeA + j * 30.44);
    zhongqiDays.push(localJdn(jdeToJdUt(jde), timeZone));
  }
  const hasZhongqi = (i: number): boolean => zhongqiDays.some((d) => d >= starts[i]! && d < starts[i + 1]!);

  let leapIndex = -1;
  if (n === 13) {
    for (let i = 1; i < n; i++) {
      if (!hasZhongqi(i)) {
        leapIndex = i;
        break;
      }
    }
    if (leapIndex < 0) throw new Error(`reference: no leap month in ${year}`);
  } else if (n !== 12) {
    throw new Error(`reference: ${n} months in ${year}`);
  }
  const months: ReferenceMonth[] = [];
  const labels = [11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  let next = 0;
  for (let i = 0; i < n; i++) {
    const leap = i === leapIndex;
    const month = leap ? labels[next - 1]! : labels[next++]!;
    months.push({ month, leap, startJdn: starts[i]!, endJdn: starts[i + 1]! });
  }
  return months;
}

/** Gregorian 'YYYY-MM-DD' of a Julian Day Number (Meeus ch. 7). */
export function referenceJdnToDate(jdn: number): string {
  const Z = jdn; // Meeus: Z = INT(JD + 0.5); for the JD at noon of that day, JD + 0.5 = jdn + 0.5.
  const alpha = Math.floor((Z - 1867216.25) / 36524.25);
  const A = Z + 1 + alpha - Math.floor(alpha / 4);
  const B = A + 1524;
  const C = Math.floor((B - 122.1) / 365.25);
  const D = Math.floor(365.25 * C);
  const E = Math.floor((B - D) / 30.6001);
  const day = B - D - Math.floor(30.6001 * E);
  const month = E < 14 ? E - 1 : E - 13;
  const year = month > 2 ? C - 4716 : C - 4715;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Solar date of lunar day `day` of regular (non-leap) month `month` of lunar year `year`. */
export function referenceLunarToSolar(year: number, month: number, day: number, timeZone: number): string {
  const seg = referenceSegment(month >= 11 ? year + 1 : year, timeZone);
  const m = seg.find((x) => x.month === month && !x.leap);
  if (!m) throw new Error(`reference: no month ${month} in ${year}`);
  return referenceJdnToDate(m.startJdn + day - 1);
}

/** Tết Nguyên đán (1/1 lunar) of `year`. */
export function referenceTet(year: number, timeZone = 7): string {
  return referenceLunarToSolar(year, 1, 1, timeZone);
}

/** Giỗ Tổ Hùng Vương (10/3 lunar, regular month) of `year`. */
export function referenceGioTo(year: number, timeZone = 7): string {
  return referenceLunarToSolar(year, 3, 10, timeZone);
}

import { QualityType } from '@crm/contracts';

export interface DemoCity {
  province: string;
  city: string;
  code: string;
  lat: number;
  lon: number;
}

export const DEMO_CITIES: DemoCity[] = [
  { province: '北京市', city: '北京市', code: 'BJ', lat: 39.9042, lon: 116.4074 },
  { province: '上海市', city: '上海市', code: 'SH', lat: 31.2304, lon: 121.4737 },
  { province: '广东省', city: '广州市', code: 'GZ', lat: 23.1291, lon: 113.2644 },
  { province: '广东省', city: '深圳市', code: 'SZ', lat: 22.5431, lon: 114.0579 },
  { province: '四川省', city: '成都市', code: 'CD', lat: 30.5728, lon: 104.0668 },
  { province: '浙江省', city: '杭州市', code: 'HZ', lat: 30.2741, lon: 120.1551 },
  { province: '湖北省', city: '武汉市', code: 'WH', lat: 30.5928, lon: 114.3055 },
  { province: '陕西省', city: '西安市', code: 'XA', lat: 34.3416, lon: 108.9398 },
  { province: '江苏省', city: '南京市', code: 'NJ', lat: 32.0603, lon: 118.7969 },
  { province: '重庆市', city: '重庆市', code: 'CQ', lat: 29.4316, lon: 106.9123 },
  { province: '天津市', city: '天津市', code: 'TJ', lat: 39.3434, lon: 117.3616 },
  { province: '江苏省', city: '苏州市', code: 'SU', lat: 31.2989, lon: 120.5853 },
  { province: '湖南省', city: '长沙市', code: 'CS', lat: 28.2282, lon: 112.9388 },
  { province: '辽宁省', city: '沈阳市', code: 'SY', lat: 41.8057, lon: 123.4315 },
  { province: '山东省', city: '青岛市', code: 'QD', lat: 36.0671, lon: 120.3826 },
  { province: '河南省', city: '郑州市', code: 'ZZ', lat: 34.7466, lon: 113.6253 },
  { province: '黑龙江省', city: '哈尔滨市', code: 'HB', lat: 45.8038, lon: 126.535 },
  { province: '云南省', city: '昆明市', code: 'KM', lat: 25.0389, lon: 102.7183 },
  { province: '福建省', city: '厦门市', code: 'XM', lat: 24.4798, lon: 118.0894 },
  { province: '山东省', city: '济南市', code: 'JN', lat: 36.6512, lon: 117.1201 },
];

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
export const GIVEN_NAME_CHARACTERS = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鹏飞玲婷雪梅晨宇浩然子轩欣怡梓涵一诺思远嘉怡俊杰',
];
export const ENGLISH_FIRST_NAMES = [
  'James',
  'Mary',
  'Robert',
  'Linda',
  'Michael',
  'Sarah',
  'David',
  'Emma',
  'Daniel',
  'Olivia',
];
export const ENGLISH_LAST_NAMES = [
  'Smith',
  'Johnson',
  'Brown',
  'Miller',
  'Wilson',
  'Taylor',
  'Anderson',
  'Clark',
  'Walker',
  'Young',
];

export const BRANDS: { brand: string; models: string[] }[] = [
  { brand: 'Aurora', models: ['A3 Hatchback', 'A6 Sedan', 'AX5 SUV'] },
  { brand: 'Zephyr', models: ['Z1 City', 'Z7 Touring', 'ZX EV'] },
];

export const STATION_SKILL_SETS: QualityType[][] = [
  [
    'engine',
    'transmission',
    'brakes',
    'electrical',
    'air_conditioning',
    'noise_and_vibration',
    'infotainment',
    'other',
  ],
  ['body_and_paint', 'brakes', 'other'],
  ['electrical', 'infotainment', 'air_conditioning'],
  ['engine', 'transmission', 'noise_and_vibration', 'brakes'],
];

/** A small deterministic generator, so every fresh demo has the same data. */
export class SeededRandom {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state * 1664525 + 1013904223) % 4294967296;
    return this.state / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/**
 * Past complaints the demo replays end to end: opened, routed, accepted, resolved and rated. Brakes,
 * because every city has a station able to fix them, so each one is routed.
 */
export const PAST_COMPLAINTS: {
  qualityType: QualityType;
  description: string;
  workDone: string;
  technician: string;
  score: number;
  comment: string;
}[] = [
  {
    qualityType: 'brakes',
    description: '刹车时有异响 (squeal when braking)',
    workDone: '更换前刹车片并打磨刹车盘 (replaced front pads, skimmed discs)',
    technician: '王师傅',
    score: 5,
    comment: '修得很快，谢谢',
  },
  {
    qualityType: 'brakes',
    description: 'Brake warning light stays on after a long descent',
    workDone: 'Replaced worn rear pads and the brake wear sensor',
    technician: 'Li Wei',
    score: 4,
    comment: 'Fixed, but had to wait for the appointment',
  },
  {
    qualityType: 'brakes',
    description: '刹车踏板偏软 (soft brake pedal)',
    workDone: '更换刹车油并排气 (brake fluid replaced and bled)',
    technician: '张师傅',
    score: 3,
    comment: '问题解决了，等待时间有点长',
  },
];

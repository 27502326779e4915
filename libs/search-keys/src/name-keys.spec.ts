import { latinName, nameQueryKeys, nameSearchKeys, soundAlikeKey } from './name-keys';

describe('nameSearchKeys', () => {
  it('indexes a Chinese name by characters, pairs, pinyin and initials', () => {
    expect(nameSearchKeys('张三')).toEqual(
      expect.arrayContaining(['张', '三', '张三', 'zhangsan', 'zhang', 'san', 'zs']),
    );
  });

  it('reads a polyphonic surname as a surname', () => {
    expect(latinName('单田芳')).toBe('shan tian fang');
  });

  it('indexes latin names by token and joined', () => {
    expect(nameSearchKeys('Anna Müller')).toEqual(
      expect.arrayContaining(['anna', 'muller', 'annamuller', 'am']),
    );
  });
});

describe('nameQueryKeys', () => {
  it('finds the same person by Chinese name or by pinyin', () => {
    const keys = nameSearchKeys('张三');
    expect(keys).toEqual(expect.arrayContaining(nameQueryKeys('张三')));
    expect(keys).toEqual(expect.arrayContaining(nameQueryKeys('zhang san')));
    expect(keys).toEqual(expect.arrayContaining(nameQueryKeys('Zhangsan')));
  });

  it('matches a single character', () => {
    expect(nameSearchKeys('李小龙')).toEqual(expect.arrayContaining(nameQueryKeys('龙')));
  });

  it('finds a two-syllable surname or given name typed alone in pinyin', () => {
    expect(nameSearchKeys('欧阳娜娜')).toEqual(expect.arrayContaining(nameQueryKeys('ouyang')));
    expect(nameSearchKeys('欧阳娜娜')).toEqual(expect.arrayContaining(nameQueryKeys('nana')));
    expect(nameSearchKeys('司马光')).toEqual(expect.arrayContaining(nameQueryKeys('sima')));
    expect(nameSearchKeys('李小龙')).toEqual(expect.arrayContaining(nameQueryKeys('xiaolong')));
    expect(nameSearchKeys('李小龙')).toEqual(expect.arrayContaining(nameQueryKeys('Xiao Long')));
  });

  it('splits longer Chinese queries into pairs that must all match', () => {
    expect(nameQueryKeys('上海汽车')).toEqual(['上海', '海汽', '汽车']);
  });
});

describe('soundAlikeKey', () => {
  it('folds sounds callers confuse into one indexed key', () => {
    expect(nameSearchKeys('张三')).toContain(soundAlikeKey('zhang shan'));
    expect(nameSearchKeys('刘宁')).toContain(soundAlikeKey('niu nin'));
  });

  it('keeps different names apart', () => {
    expect(nameSearchKeys('张三')).not.toContain(soundAlikeKey('wang wu'));
  });
});

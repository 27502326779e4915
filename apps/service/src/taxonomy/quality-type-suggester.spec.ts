import { QualityTypeSuggester } from './quality-type-suggester';

describe(QualityTypeSuggester.name, () => {
  const suggester = new QualityTypeSuggester();
  const top = (description: string) => suggester.suggest(description)[0]?.qualityType;

  it.each([
    ['刹车的时候有点软', 'brakes'],
    ['The brake pedal feels soft', 'brakes'],
    ['发动机故障灯亮了', 'engine'],
    ['engine stalls at idle', 'engine'],
    ['空调不凉', 'air_conditioning'],
    ['the air con blows warm air', 'air_conditioning'],
    ['过减速带有异响', 'noise_and_vibration'],
    ['变速箱换挡顿挫', 'transmission'],
    ['grinding from the gearbox', 'transmission'],
    ['车机屏幕黑屏', 'infotainment'],
    ['车门漆面有划痕', 'body_and_paint'],
    ['a dent in the door', 'body_and_paint'],
    ['电瓶没电了', 'electrical'],
    ['battery dies overnight', 'electrical'],
  ])('suggests for "%s" the type %s', (description, expected) => {
    expect(top(description)).toBe(expected);
  });

  it('ranks the type with more matching keywords first', () => {
    const ranked = suggester.suggest('刹车异响，刹车片磨损 brake noise');
    expect(ranked.map((s) => s.qualityType)).toEqual(['brakes', 'noise_and_vibration']);
    expect(ranked[0].matchedKeywords).toEqual(expect.arrayContaining(['刹车', 'brake']));
  });

  it('does not match a keyword inside another word', () => {
    expect(suggester.suggest('there was an accident')).toEqual([]);
  });

  it('suggests nothing for an unrelated description', () => {
    expect(suggester.suggest('想咨询保养价格')).toEqual([]);
  });
});

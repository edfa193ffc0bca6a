/**
 * Made-up test outlines near 丽水 (squares, not real boundaries: Chain Atlas ships none). Each
 * ring is closed and wound counter-clockwise as RFC 7946 asks.
 */
export function square(lng: number, lat: number, half: number): number[][] {
  return [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
}

export function feature(name: string, ring: number[][]) {
  return { type: "Feature", properties: { name }, geometry: { type: "Polygon", coordinates: [ring] } };
}

/** 莲都区 as a big square with 碧湖镇 inside it, and one area no region matches. */
export function lianzhouCollection() {
  return {
    type: "FeatureCollection",
    features: [
      feature("莲都区", square(119.9, 28.45, 0.15)),
      feature("碧湖镇", square(119.8, 28.35, 0.04)),
      feature("某未知片区", square(120.0, 28.55, 0.02)),
    ],
  };
}

/** A bow-tie: its two edges cross in the middle. */
export const BOW_TIE = [
  [119.8, 28.3],
  [120.0, 28.5],
  [120.0, 28.3],
  [119.8, 28.5],
  [119.8, 28.3],
];

/** Web Mercator metres (EPSG:3857) of roughly the same place. */
export const MERCATOR_RING = [
  [13347000, 3300000],
  [13360000, 3300000],
  [13360000, 3310000],
  [13347000, 3310000],
  [13347000, 3300000],
];

/** A FeatureCollection over `bytes` of JSON: one square with many vertices along its edges. */
export function hugeCollection(bytes: number) {
  const ring: number[][] = [];
  // A vertex like [119.80000508626302,28.3] takes about 25 bytes of JSON.
  const perSide = Math.ceil(bytes / 4 / 22);
  for (let i = 0; i < perSide; i++) ring.push([119.8 + (0.2 * i) / perSide, 28.3]);
  for (let i = 0; i < perSide; i++) ring.push([120.0, 28.3 + (0.2 * i) / perSide]);
  for (let i = 0; i < perSide; i++) ring.push([120.0 - (0.2 * i) / perSide, 28.5]);
  for (let i = 0; i < perSide; i++) ring.push([119.8, 28.5 - (0.2 * i) / perSide]);
  ring.push([119.8, 28.3]);
  return { type: "FeatureCollection", features: [feature("莲都区", ring)] };
}

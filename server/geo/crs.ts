/**
 * WGS-84 ⇄ GCJ-02. Maps published in China (高德, 腾讯, most planning GIS exports) use GCJ-02,
 * an obfuscated offset of WGS-84 by a few hundred metres; GPS and OpenStreetMap use WGS-84.
 * Chain Atlas stores everything in WGS-84, so a boundary stated as GCJ-02 is converted once, at
 * upload, with the published forward formula inverted by fixed-point iteration (error < 1e-7°).
 */
import type { CoordinateSystem } from "../../model/api/pack.ts";

export type { CoordinateSystem };

export type Position = [number, number];

const A = 6378245.0;
const EE = 0.006693421622965943;

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** Mainland China's rough box: GCJ-02 offsets points only inside it. */
export function insideChina([lng, lat]: Position): boolean {
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

export function wgs84ToGcj02(point: Position): Position {
  if (!insideChina(point)) return point;
  const [lng, lat] = point;
  const dLat0 = transformLat(lng - 105.0, lat - 35.0);
  const dLng0 = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  const magic0 = Math.sin(radLat);
  const magic = 1 - EE * magic0 * magic0;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (dLat0 * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (dLng0 * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

export function gcj02ToWgs84(point: Position): Position {
  if (!insideChina(point)) return point;
  let guess: Position = [point[0], point[1]];
  for (let i = 0; i < 30; i++) {
    const forward = wgs84ToGcj02(guess);
    const dLng = point[0] - forward[0];
    const dLat = point[1] - forward[1];
    guess = [guess[0] + dLng, guess[1] + dLat];
    if (Math.abs(dLng) < 1e-9 && Math.abs(dLat) < 1e-9) break;
  }
  return guess;
}

/** The converter from a stated system to WGS-84. */
export function toWgs84(system: CoordinateSystem): (point: Position) => Position {
  return system === "GCJ-02" ? gcj02ToWgs84 : (point) => point;
}

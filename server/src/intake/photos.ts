// Residents' photos: checked by content (sharp must decode them as an image, whatever the name or
// the browser's type say), turned upright by their EXIF orientation, scaled to at most 2048 px and
// re-encoded as JPEG. sharp writes no metadata unless asked, so EXIF (GPS location, camera, time)
// never survives.
import sharp from "sharp";

const ACCEPTED = new Set(["jpeg", "png", "webp", "heif", "gif", "tiff"]);
const MAX_SIDE = 2048;
/** Refuse decompression bombs: a 5 MB file may not claim more than 50 megapixels. */
const MAX_PIXELS = 50_000_000;

/** The photo re-encoded as JPEG without metadata, or null when it is no image we accept. */
export async function cleanPhoto(input: Buffer): Promise<Buffer | null> {
  try {
    const image = sharp(input, { failOn: "error", limitInputPixels: MAX_PIXELS });
    const { format } = await image.metadata();
    if (format === undefined || !ACCEPTED.has(format)) return null;
    return await image
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    return null;
  }
}

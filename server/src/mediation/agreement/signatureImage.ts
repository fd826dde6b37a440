// A party's drawn signature (the phone's canvas as PNG, base64): decoded by content (sharp must
// read it as a PNG), limited in size, flattened onto white and re-encoded as a small grey PNG,
// so nothing but the strokes is kept (no metadata), like the residents' photos (intake/photos.ts).
import sharp from "sharp";

const MAX_SIDE = 600;
const MAX_PIXELS = 4_000_000;

/** The signature as a clean PNG, or null when it is not a PNG we accept. */
export async function drawnSignature(base64: string): Promise<Buffer | null> {
  const input = Buffer.from(base64.replace(/^data:image\/png;base64,/, ""), "base64");
  if (input.length === 0) return null;
  try {
    const image = sharp(input, { failOn: "error", limitInputPixels: MAX_PIXELS });
    const { format } = await image.metadata();
    if (format !== "png") return null;
    return await image
      .flatten({ background: "#ffffff" })
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .grayscale()
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch {
    return null;
  }
}

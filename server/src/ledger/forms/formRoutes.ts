// GET /api/ledger/items/:id/forms/:formId.pdf|.docx (docs/api.md#ledger-台账): an issued 交办单 or
// 反馈单 of an item, for whoever may see the item (the secretariat; the item's lead and partner
// departments — any other department gets 404, as for the item itself). The resident's receipt
// (server/src/intake) sends the 反馈单 (LedgerFormStore.feedbackFormFor) with sendLedgerForm after its own check.
import { Router, type Response } from "express";
import { z } from "zod";
import { Id } from "../../../../core/api/common.ts";
import { abort, route } from "../../http/apiError.ts";
import type { ApiDeps } from "../../http/apiDeps.ts";
import { parse } from "../../http/validate.ts";
import { cleanFileName, contentDisposition } from "../../meetings/materialFiles.ts";
import { NoCjkFontError } from "../../minutes/cjkFonts.ts";
import { requireLedgerViewer } from "../ledgerRequest.ts";
import { FORM_FORMATS, renderForm, type FormFormat } from "./formFiles.ts";
import type { StoredLedgerForm } from "./formStore.ts";

const FormParams = z.object({ id: Id, formId: Id });

/** Renders an issued form and sends it as a download (private, never cached); logs why when the machine has no CJK font for the PDF. */
export async function sendLedgerForm(deps: Pick<ApiDeps, "log">, res: Response, form: StoredLedgerForm, format: FormFormat): Promise<void> {
  let file;
  try {
    file = await renderForm(form.payload, format);
  } catch (error) {
    if (error instanceof NoCjkFontError) deps.log(error.message);
    throw error;
  }
  res.set({
    "Content-Type": file.mimeType,
    "Content-Disposition": contentDisposition("attachment", cleanFileName(file.fileName)),
    "Cache-Control": "private, no-store",
  });
  res.send(file.body);
}

export function ledgerFormRoutes(deps: ApiDeps): Router {
  const router = Router();
  for (const format of FORM_FORMATS) {
    router.get(
      `/ledger/items/:id/forms/:formId.${format}`,
      route(async (req, res) => {
        const { viewer } = requireLedgerViewer(req);
        const { id, formId } = parse(FormParams, req.params);
        // The item as this viewer may see it (null: not theirs, or none), then a form of that item.
        if ((await deps.ledger.get(id, viewer)) === null) abort("NOT_FOUND");
        const form = await deps.ledger.forms.find(formId);
        if (form?.itemId !== id) abort("NOT_FOUND");
        await sendLedgerForm(deps, res, form, format);
      }),
    );
  }
  return router;
}

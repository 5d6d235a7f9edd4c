/**
 * A row in a URL (`/works/<w>/rows/<row>`): its id, a UUID, as the app links it — stable while the row lives — or
 * its number, 1 to the number of rows, its place in reading order as the compare view and the editor show it. The two
 * cannot be confused: an id always holds hyphens and letters, a number only digits.
 */
import { z } from "zod";

export const RowParam = z.union([z.uuid().transform((id) => ({ id })), z.string().regex(/^[1-9]\d{0,8}$/).transform((value) => ({ number: Number(value) }))]);

/** Creates an account with a password hashed by the authentication library (used by `npm run user:create` and tests). */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { ROLES } from "../../auth/roles";
import { lineText } from "../../text/edition-document";
import type { Db } from "../client";
import { ConflictError } from "../errors";

export const CreateUserSchema = z.object({
  email: z.email("a valid email address").transform((email) => email.toLowerCase()),
  name: lineText(200).pipe(z.string().min(1)),
  role: z.enum(ROLES),
  password: z.string().min(10, "at least 10 characters").max(200),
});
export type CreateUserInput = z.input<typeof CreateUserSchema>;

export async function createUser(db: Db, input: CreateUserInput) {
  const { email, name, role, password } = CreateUserSchema.parse(input);
  const hash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email } })) throw new ConflictError(`A user with the email ${email} already exists.`);
    const id = randomUUID();
    const user = await tx.user.create({ data: { id, email, name, role, emailVerified: true } });
    await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
    return user;
  });
}

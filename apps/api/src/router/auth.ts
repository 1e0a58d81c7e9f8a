import { verifyPassword } from '@garage/db';
import { noInput, signInInput } from '@garage/validators';
import { TRPCError } from '@trpc/server';
import { authedProcedure, publicProcedure, router } from '../trpc';

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const decoyHash =
  '$argon2id$v=19$m=19456,t=2,p=1$/45O7Pra7JX+4i21mBaAyg$SoHHH4cHA58NK1SS9ZLppod98y7VcXQPyX/X6TSR+TE';

export const authRouter = router({
  login: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    // Counted before the password is checked: a burst gets no more checks than a sequence.
    const attempt = await ctx.throttle.attempt(input.email, ctx.ip);
    if (attempt.retryAfterSeconds > 0) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `too many failed sign-ins; try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} minute(s)`,
      });
    }
    const user = await ctx.prisma.user.findUnique({
      where: { email: input.email },
      select: { id: true, email: true, name: true, role: true, passwordHash: true },
    });
    const valid = await verifyPassword(user?.passwordHash ?? decoyHash, input.password);
    if (!user || !valid) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'wrong email or password' });
    }
    await attempt.succeeded();
    const { token, maxAgeSeconds } = await ctx.sessions.create(user.id);
    ctx.setSessionCookie(token, maxAgeSeconds);
    ctx.log.info({ userId: user.id, role: user.role }, 'signed in');
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }),

  logout: authedProcedure.input(noInput).mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await ctx.sessions.destroy(ctx.sessionToken);
    ctx.setSessionCookie(null);
    return { ok: true as const };
  }),

  /** The signed-in user, or null: never an error, so pages can ask before signing in. */
  me: publicProcedure
    .input(noInput)
    .query(({ ctx }) =>
      ctx.user
        ? { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name, role: ctx.user.role }
        : null,
    ),
});

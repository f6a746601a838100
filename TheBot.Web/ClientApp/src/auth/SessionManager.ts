import type { AccessTokenSource } from '../api/ApiClient';
import type { AuthTransport } from './authTransport';
import { browserLock, type LockRunner, type SignOutChannel } from './crossTab';
import { RefreshScheduler } from './refreshSchedule';
import type { AuthSession, AuthUser, SessionState } from './types';

export interface SessionManagerOptions {
  transport: AuthTransport;
  scheduler?: RefreshScheduler;
  lock?: LockRunner;
  signOutChannel?: SignOutChannel;
  /** Delay before trying again when a background renewal failed for a reason other than a dead session. */
  retryDelayMs?: number;
  now?: () => number;
}

const REFRESH_LOCK = 'thebot-auth-refresh';

/**
 * Owns the browser's session: the access token lives only in memory; the HttpOnly refresh cookie renews it
 * on load, shortly before it expires, and once after a 401. Everything else reads the state from here.
 */
export class SessionManager implements AccessTokenSource {
  private state: SessionState = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  private readonly transport: AuthTransport;
  private readonly scheduler: RefreshScheduler;
  private readonly lock: LockRunner;
  private readonly signOutChannel: SignOutChannel | undefined;
  private readonly retryDelayMs: number;
  private readonly now: () => number;
  private inFlightRefresh: Promise<boolean> | null = null;
  private started: Promise<void> | null = null;

  constructor(options: SessionManagerOptions) {
    this.transport = options.transport;
    this.scheduler = options.scheduler ?? new RefreshScheduler();
    this.lock = options.lock ?? browserLock;
    this.signOutChannel = options.signOutChannel;
    this.retryDelayMs = options.retryDelayMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.signOutChannel?.listen(() => this.end());
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getAccessToken(): string | null {
    return this.state.status === 'authenticated' ? this.state.session.accessToken : null;
  }

  get user(): AuthUser | null {
    return this.state.status === 'authenticated' ? this.state.session.user : null;
  }

  /** Applies a change the user made to their own profile (e.g. language) to the signed-in state at once. */
  updateUser(changes: Partial<AuthUser>): void {
    if (this.state.status === 'authenticated') {
      const { session } = this.state;
      this.setState({ status: 'authenticated', session: { ...session, user: { ...session.user, ...changes } } });
    }
  }

  /** Restores the session from the refresh cookie, once per page load. */
  start(): Promise<void> {
    this.started ??= this.refresh().then(() => undefined);
    return this.started;
  }

  async signIn(email: string, password: string): Promise<AuthUser> {
    const session = await this.transport.login(email, password);
    this.begin(session);
    return session.user;
  }

  /** Ends this device's session. The local state is cleared even when the server cannot be reached. */
  async signOut(): Promise<void> {
    await this.endWith(() => this.transport.logout(this.getAccessToken()));
  }

  /** Ends every session of the user, on every device. */
  async signOutEverywhere(): Promise<void> {
    await this.endWith(() => this.transport.logoutAll(this.getAccessToken()));
  }

  refreshAfterUnauthorized(): Promise<boolean> {
    return this.refresh();
  }

  /** Renews the access token; concurrent callers share one request. Resolves true when signed in afterwards. */
  refresh(): Promise<boolean> {
    this.inFlightRefresh ??= this.lock(REFRESH_LOCK, () => this.transport.refresh())
      .then(
        (session) => {
          if (session === null) {
            this.end();
            return false;
          }
          this.begin(session);
          return true;
        },
        () => {
          this.onRefreshFailed();
          return this.state.status === 'authenticated';
        },
      )
      .finally(() => {
        this.inFlightRefresh = null;
      });
    return this.inFlightRefresh;
  }

  private begin(session: AuthSession): void {
    this.setState({ status: 'authenticated', session });
    this.scheduler.schedule(session.expiresAt, () => void this.refresh());
  }

  private end(): void {
    this.scheduler.cancel();
    if (this.state.status !== 'anonymous') {
      this.setState({ status: 'anonymous' });
    }
  }

  private async endWith(serverCall: () => Promise<void>): Promise<void> {
    try {
      await serverCall();
    } catch {
      // The refresh cookie may survive on the server; the session still ends here and in other tabs.
    } finally {
      this.end();
      this.signOutChannel?.announce();
    }
  }

  /** The server could not be reached or failed: keep the token while it is valid and try again soon. */
  private onRefreshFailed(): void {
    if (this.state.status !== 'authenticated') {
      this.end();
      return;
    }
    const remaining = Date.parse(this.state.session.expiresAt) - this.now();
    if (!(remaining > 0)) {
      this.end();
      return;
    }
    this.scheduler.scheduleIn(Math.min(this.retryDelayMs, remaining), () => void this.refresh());
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) {
      listener();
    }
  }
}

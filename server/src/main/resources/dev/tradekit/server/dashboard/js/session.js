// Who is signed in, what they may do, and the navigation hooks the entry point installs.

export const session = { user: null, setupRequired: false };

/** Traders and admins may change things; viewers only look (the server refuses them anyway). */
export function canWrite() {
  return session.user !== null && session.user.role !== 'viewer';
}

export function isAdmin() {
  return session.user !== null && session.user.role === 'admin';
}

/** Filled in by app.js: go(hash), signedIn(user), render(). */
export const nav = {
  go: (hash) => {
    window.location.hash = hash;
  },
  signedIn: async () => {},
  render: async () => {},
};

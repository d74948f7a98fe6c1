// Entry of the public web app; the pages' components are registered from here.
export {};

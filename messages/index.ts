// The interface strings, one file per namespace and language (messages/<locale>/<namespace>.json),
// so features can be written side by side. Add a namespace here in both languages.
import vi_app from './vi/app.json'
import vi_language from './vi/language.json'
import vi_login from './vi/login.json'
import vi_header from './vi/header.json'
import vi_roles from './vi/roles.json'
import vi_status from './vi/status.json'
import vi_overview from './vi/overview.json'
import vi_unit from './vi/unit.json'
import vi_notFound from './vi/notFound.json'
import vi_assignment from './vi/assignment.json'
import vi_review from './vi/review.json'
import vi_questions from './vi/questions.json'
import vi_validation from './vi/validation.json'
import vi_charts from './vi/charts.json'
import vi_communes from './vi/communes.json'
import vi_members from './vi/members.json'
import vi_tasks from './vi/tasks.json'
import vi_search from './vi/search.json'
import vi_reports from './vi/reports.json'
import vi_exports from './vi/exports.json'
import vi_asOf from './vi/asOf.json'
import vi_audit from './vi/audit.json'
import vi_errors from './vi/errors.json'
import vi_admin from './vi/admin.json'
import vi_account from './vi/account.json'
import vi_reminders from './vi/reminders.json'
import vi_unavailable from './vi/unavailable.json'
import vi_upload from './vi/upload.json'
import vi_pagination from './vi/pagination.json'
import vi_notifications from './vi/notifications.json'
import vi_mail from './vi/mail.json'
import vi_offline from './vi/offline.json'
import en_app from './en/app.json'
import en_language from './en/language.json'
import en_login from './en/login.json'
import en_header from './en/header.json'
import en_roles from './en/roles.json'
import en_status from './en/status.json'
import en_overview from './en/overview.json'
import en_unit from './en/unit.json'
import en_notFound from './en/notFound.json'
import en_assignment from './en/assignment.json'
import en_review from './en/review.json'
import en_questions from './en/questions.json'
import en_validation from './en/validation.json'
import en_charts from './en/charts.json'
import en_communes from './en/communes.json'
import en_members from './en/members.json'
import en_tasks from './en/tasks.json'
import en_search from './en/search.json'
import en_reports from './en/reports.json'
import en_exports from './en/exports.json'
import en_asOf from './en/asOf.json'
import en_audit from './en/audit.json'
import en_errors from './en/errors.json'
import en_admin from './en/admin.json'
import en_account from './en/account.json'
import en_reminders from './en/reminders.json'
import en_unavailable from './en/unavailable.json'
import en_upload from './en/upload.json'
import en_pagination from './en/pagination.json'
import en_notifications from './en/notifications.json'
import en_mail from './en/mail.json'
import en_offline from './en/offline.json'

export const vi = {
  app: vi_app,
  language: vi_language,
  login: vi_login,
  header: vi_header,
  roles: vi_roles,
  status: vi_status,
  overview: vi_overview,
  unit: vi_unit,
  notFound: vi_notFound,
  assignment: vi_assignment,
  review: vi_review,
  questions: vi_questions,
  validation: vi_validation,
  charts: vi_charts,
  communes: vi_communes,
  members: vi_members,
  tasks: vi_tasks,
  search: vi_search,
  reports: vi_reports,
  exports: vi_exports,
  asOf: vi_asOf,
  audit: vi_audit,
  errors: vi_errors,
  admin: vi_admin,
  account: vi_account,
  reminders: vi_reminders,
  unavailable: vi_unavailable,
  upload: vi_upload,
  pagination: vi_pagination,
  notifications: vi_notifications,
  mail: vi_mail,
  offline: vi_offline,
}

export const en = {
  app: en_app,
  language: en_language,
  login: en_login,
  header: en_header,
  roles: en_roles,
  status: en_status,
  overview: en_overview,
  unit: en_unit,
  notFound: en_notFound,
  assignment: en_assignment,
  review: en_review,
  questions: en_questions,
  validation: en_validation,
  charts: en_charts,
  communes: en_communes,
  members: en_members,
  tasks: en_tasks,
  search: en_search,
  reports: en_reports,
  exports: en_exports,
  asOf: en_asOf,
  audit: en_audit,
  errors: en_errors,
  admin: en_admin,
  account: en_account,
  reminders: en_reminders,
  unavailable: en_unavailable,
  upload: en_upload,
  pagination: en_pagination,
  notifications: en_notifications,
  mail: en_mail,
  offline: en_offline,
}

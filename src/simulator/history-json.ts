/**
 * REQUEST/RESPONSE bodies for `show license history message`, shaped like the seed guide's
 * capture (a JSON string inside JSON, escaped twice for request_data). The ID token appears in
 * clear inside the trust request, as on real devices — the runner must redact it.
 */
import type { SimMember } from './types';

const AGENT = { name: 'C_agent', version: '5.5.29_rel/114', production: true, additional_info: '', capabilities: ['UTILITY', 'DLC', 'AppHA', 'MULTITIER', 'EXPORT_2', 'OK_TRY_AGAIN', 'POLICY_USAGE', 'POLICY_USAGE'] };
const SSM = { name: 'SSM', version: '1.3', production: true, capabilities: ['DLC', 'AppHA', 'EXPORT_2', 'POLICY_USAGE', 'UTILITY'], additional_info: '' };

export function softwareTag(family: string): string {
  return `regid.2017-05.com.cisco.${family},v1_727af1d9-6c39-4444-b301-863f81445b72`;
}

const sudi = (m: SimMember): { udi_pid: string; udi_serial_number: string } => ({ udi_pid: m.pid, udi_serial_number: m.serial });

export interface RequestInput {
  requestType: string;
  active: SimMember;
  devices: Array<{ member: SimMember; trustId: number }>;
  hostname: string;
  nonce: string;
  at: number;
  family: string;
  token?: string;
  force?: boolean;
}

export function requestJson(r: RequestInput): string {
  const data: Record<string, unknown> = {
    sudi: sudi(r.active),
    timestamp: r.at - 700,
    nonce: r.nonce,
    product_instance_identifier: '',
    hostname: r.hostname,
  };
  if (r.token !== undefined) {
    data.token = r.token;
    data.mode = 'PERMANENT';
    data.force = !!r.force;
  }
  data.software_tag_identifier = softwareTag(r.family);
  data.device_list = r.devices.map((d) => ({ sudi: sudi(d.member), trust_id: d.trustId, software_tag_identifier: softwareTag(r.family), product_instance_identifier: '', csr: '', id_cert_sn: '' }));
  const header = { request_type: r.requestType, sudi: sudi(r.active), version: '1.3', locale: 'en_US.UTF-8', product_instance_identifier: '', nonce: r.nonce, timestamp: r.at, connect_info: AGENT };
  return JSON.stringify({ request: JSON.stringify({ header, request_data: JSON.stringify(data) }) });
}

export interface ResponseInput {
  requestType: string;
  active: SimMember;
  devices: SimMember[];
  nonce: string;
  at: number;
  status: 'OK' | 'FAILED' | 'OK_TRY_AGAIN';
  message: string;
  account: string;
  virtualAccount: string;
}

export function responseJson(r: ResponseInput): string {
  const data = {
    nonce: r.nonce,
    sudi: sudi(r.active),
    smart_account_name: r.account,
    pool_name: r.virtualAccount,
    device_list: r.status === 'OK' ? r.devices.map((m, i) => ({ sudi: sudi(m), smart_license: '<LICENSE>', product_instance_identifier: `6c5ea69b-4881-4396-bfa6-6a53bd5894a${i}` })) : [],
  };
  const header = { version: '1.3', locale: 'en_US.UTF-8', timestamp: r.at, nonce: r.nonce, request_type: r.requestType, sudi: sudi(r.active), agent_actions: null, connect_info: SSM, product_instance_identifier: '', id_cert_serial_number: null, signing_cert_serial_number: null };
  const response = { header, status_code: r.status, status_message: r.message, retry_time_seconds: 0, response_data: JSON.stringify(data) };
  return JSON.stringify({ signature: { type: null, value: null, piid: null, cert_sn: null }, response: JSON.stringify(response), sch_response: null });
}

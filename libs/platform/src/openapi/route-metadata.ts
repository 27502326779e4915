import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC } from '@crm/auth';
import { API_WEBHOOKS, ApiWebhookOptions } from '@crm/http';

/** What the document post-processor needs to know about one route, keyed by swagger's operationId. */
export interface RouteFacts {
  isPublic: boolean;
}

export interface AppRoutes {
  /** By operationId (`<Controller>_<method>`, swagger's default). */
  routes: Map<string, RouteFacts>;
  webhooks: ApiWebhookOptions[];
}

/** Reads the controllers of a created (even preview-mode) app: auth and webhook metadata. */
export function readAppRoutes(app: INestApplication): AppRoutes {
  const routes = new Map<string, RouteFacts>();
  const webhooks: ApiWebhookOptions[] = [];
  for (const controller of controllersOf(app)) {
    const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
    webhooks.push(...((Reflect.getMetadata(API_WEBHOOKS, controller) as ApiWebhookOptions[]) ?? []));
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined)
        continue;
      const isPublic = classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true;
      routes.set(`${controller.name}_${name}`, { isPublic });
    }
  }
  return { routes, webhooks };
}

function controllersOf(app: INestApplication): Type[] {
  const seen = new Set<Type>();
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values())
      if (wrapper.metatype) seen.add(wrapper.metatype as Type);
  return [...seen];
}
